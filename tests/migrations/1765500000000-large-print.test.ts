import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, rowsOf } from './rows';

// Adds the patient's large-print choice (0 or 1; 0 for patients already there).
describe('migration 1765500000000-large-print', () => {
  it('gives existing patients regular print and accepts only 0 or 1', async () => {
    const { db: old, migrate } = await beforeMigration('LargePrint1765500000000');
    await insert(old, 'patients', PATIENT);
    const before = await columnsOf(old, 'patients');
    const db = await migrate();

    expect(await columnsOf(db, 'patients')).toEqual([...before, 'large_print INTEGER NOT NULL DEFAULT 0']);
    expect(await rowsOf(db, 'patients')).toEqual([{ ...PATIENT, external_id: null, large_print: 0 }]);
    await run(db, sql`UPDATE patients SET large_print = ${1} WHERE id = ${PATIENT.id}`);
    await expect(run(db, sql`UPDATE patients SET large_print = ${2}`)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
