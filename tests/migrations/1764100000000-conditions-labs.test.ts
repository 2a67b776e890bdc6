import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, rowsOf } from './rows';

// Adds a patient's conditions (ICD-10-CM codes; one active entry per code, a resolved one may be followed
// by a new one) and lab results, each tied to an existing patient.
describe('migration 1764100000000-conditions-labs', () => {
  it('creates conditions and labs for existing patients, one active entry per code', async () => {
    const { db: old, migrate } = await beforeMigration('ConditionsLabs1764100000000');
    await insert(old, 'patients', PATIENT);
    const db = await migrate();

    expect(await rowsOf(db, 'patients')).toEqual([PATIENT]);
    expect(await columnsOf(db, 'patient_conditions')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'code TEXT NOT NULL',
      'onset_date TEXT',
      'resolved_on TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'patient_labs')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'type TEXT NOT NULL',
      'value REAL NOT NULL',
      'value2 REAL',
      'unit TEXT NOT NULL',
      'taken_on TEXT NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'patient_conditions')).toEqual([
      'index idx_patient_conditions_active',
      'index idx_patient_conditions_patient',
    ]);
    expect(await indexesOf(db, 'patient_labs')).toEqual(['index idx_patient_labs_patient']);

    const by = { created_at: '2025-11-20T14:05:31.000Z', created_by: 'pharmacist1' };
    const diabetes = { patient_id: PATIENT.id, code: 'E11.9', onset_date: '2019-03-01', ...by };
    await insert(db, 'patient_conditions', { id: 'c1', ...diabetes });
    await expect(insert(db, 'patient_conditions', { id: 'c2', ...diabetes })).rejects.toThrow(/UNIQUE/);
    await run(db, sql`UPDATE patient_conditions SET resolved_on = ${'2025-06-30'} WHERE id = ${'c1'}`);
    await insert(db, 'patient_conditions', { id: 'c3', ...diabetes, onset_date: '2025-09-12' });
    await expect(insert(db, 'patient_conditions', { id: 'c4', ...diabetes, patient_id: 'nobody' })).rejects.toThrow(
      /FOREIGN KEY/,
    );

    const bp = { id: 'l1', patient_id: PATIENT.id, type: 'bloodPressure', value: 142, value2: 88.5, unit: 'mmHg' };
    await insert(db, 'patient_labs', { ...bp, taken_on: '2025-11-18', ...by });
    expect(await rowsOf(db, 'patient_labs')).toEqual([{ ...bp, taken_on: '2025-11-18', ...by }]);
    await db.destroy();
  });
});
