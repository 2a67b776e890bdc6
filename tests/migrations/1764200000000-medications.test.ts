import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, PRESCRIBER, rowsOf } from './rows';

// Adds a patient's medication list (kind and source checked, an optional prescriber) and the history
// keeping every version of every entry.
describe('migration 1764200000000-medications', () => {
  it('creates the medication list and its history for existing patients and prescribers', async () => {
    const { db: old, migrate } = await beforeMigration('Medications1764200000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'prescribers', PRESCRIBER);
    const db = await migrate();

    expect(await rowsOf(db, 'patients')).toEqual([PATIENT]);
    expect(await rowsOf(db, 'prescribers')).toEqual([PRESCRIBER]);
    expect(await columnsOf(db, 'patient_medications')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'version INTEGER NOT NULL DEFAULT 1',
      'product TEXT NOT NULL',
      'rxcui TEXT',
      'kind TEXT NOT NULL',
      'strength TEXT',
      'dose_form TEXT',
      'sig TEXT',
      'indication TEXT',
      'prescriber_id TEXT',
      'start_date TEXT',
      'stop_date TEXT',
      'stop_reason TEXT',
      'source TEXT NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'patient_medication_history')).toEqual([
      'medication_id TEXT NOT NULL',
      'version INTEGER NOT NULL',
      'change TEXT NOT NULL',
      'snapshot TEXT NOT NULL',
      'changed_at TEXT NOT NULL',
      'changed_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'patient_medications')).toEqual(['index idx_patient_medications_patient']);

    const at = '2025-11-20T14:05:31.000Z';
    const by = { created_at: at, created_by: 'pharmacist1', updated_at: at, updated_by: 'pharmacist1' };
    const amlodipine = {
      id: 'm1',
      patient_id: PATIENT.id,
      product: 'Amlodipine 5 MG Oral Tablet',
      rxcui: '197361',
      kind: 'rx',
      sig: 'Take 1 tablet by mouth daily',
      prescriber_id: PRESCRIBER.id,
      source: 'pharmacyFill',
      ...by,
    };
    await insert(db, 'patient_medications', amlodipine);
    expect(await rowsOf(db, 'patient_medications')).toEqual([
      {
        ...amlodipine,
        version: 1,
        strength: null,
        dose_form: null,
        indication: null,
        start_date: null,
        stop_date: null,
        stop_reason: null,
      },
    ]);
    for (const bad of [{ kind: 'vitamin' }, { source: 'internet' }]) {
      await expect(insert(db, 'patient_medications', { ...amlodipine, id: 'm2', ...bad })).rejects.toThrow(/CHECK/);
    }
    const unknownPrescriber = { ...amlodipine, id: 'm4', prescriber_id: 'nobody' };
    await expect(insert(db, 'patient_medications', unknownPrescriber)).rejects.toThrow(/FOREIGN KEY/);

    const version1 = {
      medication_id: 'm1',
      version: 1,
      change: 'added',
      snapshot: JSON.stringify(amlodipine),
      changed_at: at,
      changed_by: 'pharmacist1',
    };
    await insert(db, 'patient_medication_history', version1);
    await expect(insert(db, 'patient_medication_history', version1)).rejects.toThrow(/UNIQUE/);
    const renamed = { ...version1, version: 2, change: 'renamed' };
    await expect(insert(db, 'patient_medication_history', renamed)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
