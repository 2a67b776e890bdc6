import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { FILL, insert, PATIENT, rowsOf } from './rows';

// Adds the label's directions (sig), strength and dose form to fills: NULL for fills already there.
describe('migration 1765300000000-fill-directions', () => {
  it('adds sig, strength and dose_form to existing fills, empty', async () => {
    const { db: old, migrate } = await beforeMigration('FillDirections1765300000000');
    const fill = { ...FILL, drug_key: 'atorvastatin' };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'fills', fill);
    const before = await columnsOf(old, 'fills');
    const db = await migrate();

    expect(await columnsOf(db, 'fills')).toEqual([...before, 'sig TEXT', 'strength TEXT', 'dose_form TEXT']);
    expect(await rowsOf(db, 'fills')).toEqual([{ ...fill, sig: null, strength: null, dose_form: null }]);
    await run(db, sql`UPDATE fills SET sig = ${'1 PO QHS'}, strength = ${'20 mg'}, dose_form = ${'tablet'}`);
    expect(await rowsOf(db, 'fills')).toEqual([{ ...fill, sig: '1 PO QHS', strength: '20 mg', dose_form: 'tablet' }]);
    await db.destroy();
  });
});
