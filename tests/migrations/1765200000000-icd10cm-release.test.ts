import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, rowsOf, tablesOf } from './rows';

// Adds the full ICD-10-CM code set a pharmacy may load from the yearly CMS release (one title per code) and
// the one row saying which release is loaded; patients' conditions are left as they were.
describe('migration 1765200000000-icd10cm-release', () => {
  it('creates icd10cm_codes and a single-row icd10cm_release', async () => {
    const { db: old, migrate } = await beforeMigration('Icd10cmRelease1765200000000');
    const condition = {
      id: 'c1',
      patient_id: PATIENT.id,
      code: 'E11.9',
      onset_date: '2019-03-01',
      resolved_on: null,
      created_at: '2025-11-20T14:05:31.000Z',
      created_by: 'pharmacist1',
    };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'patient_conditions', condition);
    const tablesBefore = await tablesOf(old);
    const db = await migrate();

    expect(await tablesOf(db)).toEqual([...tablesBefore, 'icd10cm_codes', 'icd10cm_release'].sort());
    expect(await rowsOf(db, 'patient_conditions')).toEqual([condition]);
    expect(await columnsOf(db, 'icd10cm_codes')).toEqual(['code TEXT', 'title TEXT NOT NULL']);
    expect(await columnsOf(db, 'icd10cm_release')).toEqual([
      'id INTEGER',
      'release TEXT NOT NULL',
      'codes INTEGER NOT NULL',
      'loaded_at TEXT NOT NULL',
      'loaded_by TEXT NOT NULL',
    ]);

    const code = { code: 'E119', title: 'Type 2 diabetes mellitus without complications' };
    await insert(db, 'icd10cm_codes', code);
    await expect(insert(db, 'icd10cm_codes', { ...code, title: 'Duplicate' })).rejects.toThrow(/UNIQUE/);
    const release = {
      release: 'FY2026',
      codes: 74719,
      loaded_at: '2025-11-21T09:00:00.000Z',
      loaded_by: 'pharmacist1',
    };
    await insert(db, 'icd10cm_release', { id: 1, ...release });
    expect(await rowsOf(db, 'icd10cm_release')).toEqual([{ id: 1, ...release }]);
    await expect(insert(db, 'icd10cm_release', { id: 2, ...release })).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
