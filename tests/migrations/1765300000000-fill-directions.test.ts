import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, rowsOf } from './rows';

// Adds the label's directions (sig), strength and dose form to fills: NULL for fills already there.
describe('migration 1765300000000-fill-directions', () => {
  it('adds sig, strength and dose_form to existing fills, empty', async () => {
    const { db: old, migrate } = await beforeMigration('FillDirections1765300000000');
    const fill = {
      id: 'f1',
      patient_id: PATIENT.id,
      rx_number: '6104472',
      fill_number: 0,
      fill_date: '2025-10-03',
      ndc: '00071015523',
      drug_name: 'Lipitor 20 mg',
      quantity: 30,
      days_supply: 30,
      prescriber_npi: '1467523981',
      payer: 'Buckeye Rx Plus',
      bin: '610014',
      pcn: 'MEDDPRIME',
      cost: 212.45,
      import_id: null,
      created_at: '2025-11-20T14:05:31.000Z',
      drug_key: 'atorvastatin',
    };
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
