import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, rowsOf } from './rows';

// Gives patients the dispensing system's patient number (external_id, NULL for those already there; unique
// among patients not deleted) and adds fill imports, fills (one per Rx number, fill number and date; an NDC
// or a drug name required) and saved column mappings.
describe('migration 1764300000000-fills', () => {
  it('adds external_id to existing patients and creates the fills tables', async () => {
    const { db: old, migrate } = await beforeMigration('Fills1764300000000');
    const deleted = {
      ...PATIENT,
      id: 'b7e0c2d4-1a3f-4b5c-9d8e-7f6a5b4c3d21',
      first_name: 'Harold',
      sex: 'male',
      deleted_at: '2025-11-01T10:00:00.000Z',
      deleted_by: 'pharmacist1',
      deleted_reason: 'Duplicate record',
    };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'patients', deleted);
    const patientsBefore = await columnsOf(old, 'patients');
    const db = await migrate();

    expect(await columnsOf(db, 'patients')).toEqual([...patientsBefore, 'external_id TEXT']);
    expect(await rowsOf(db, 'patients')).toEqual([
      { ...PATIENT, external_id: null },
      { ...deleted, external_id: null },
    ]);
    expect(await indexesOf(db, 'patients')).toContain('index idx_patients_external_id');
    // A deleted patient may keep the number a live one has; a second live patient may not.
    await run(db, sql`UPDATE patients SET external_id = ${'PR-10442'}`);
    await expect(insert(db, 'patients', { ...PATIENT, id: 'p3', external_id: 'PR-10442' })).rejects.toThrow(/UNIQUE/);

    expect(await columnsOf(db, 'fill_imports')).toEqual([
      'id TEXT',
      'file_name TEXT NOT NULL',
      'file_sha256 TEXT NOT NULL',
      'rows INTEGER NOT NULL',
      'imported INTEGER NOT NULL',
      'duplicates INTEGER NOT NULL',
      'created_patients INTEGER NOT NULL',
      'skipped_invalid INTEGER NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'fills')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'rx_number TEXT NOT NULL',
      'fill_number INTEGER NOT NULL',
      'fill_date TEXT NOT NULL',
      'ndc TEXT',
      'drug_name TEXT',
      'quantity REAL NOT NULL',
      'days_supply INTEGER NOT NULL',
      'prescriber_npi TEXT',
      'payer TEXT',
      'bin TEXT',
      'pcn TEXT',
      'cost REAL',
      'import_id TEXT',
      'created_at TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'fills')).toEqual(['index idx_fills_natural_key', 'index idx_fills_patient']);
    expect(await columnsOf(db, 'import_mappings')).toEqual([
      'signature TEXT',
      'mapping TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);

    const fill = {
      id: 'f1',
      patient_id: PATIENT.id,
      rx_number: '6104472',
      fill_number: 0,
      fill_date: '2025-11-03',
      ndc: '00071015523',
      drug_name: 'Lipitor 20 mg',
      quantity: 30,
      days_supply: 30,
      created_at: '2025-11-20T14:05:31.000Z',
    };
    await insert(db, 'fills', fill);
    await expect(insert(db, 'fills', { ...fill, id: 'f2' })).rejects.toThrow(/UNIQUE/);
    const unnamed = { ...fill, id: 'f3', fill_number: 1, ndc: null, drug_name: null };
    await expect(insert(db, 'fills', unnamed)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
