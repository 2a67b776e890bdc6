import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, rowsOf, tablesOf } from './rows';

// The first migration builds the pharmacy (one row), users, patients and their allergies, with the
// patient search indexes.
describe('migration 1763900000000-initial-schema', () => {
  it('creates the pharmacy, users, patients and allergies tables with their constraints', async () => {
    const { migrate } = await beforeMigration('InitialSchema1763900000000');
    const db = await migrate();

    expect(await tablesOf(db)).toEqual(['patient_allergies', 'patients', 'pharmacy', 'users']);
    expect(await columnsOf(db, 'pharmacy')).toEqual([
      'id INTEGER',
      'name TEXT NOT NULL',
      'ncpdp_id TEXT',
      'npi TEXT',
      'phone TEXT',
      'address_line1 TEXT',
      'address_line2 TEXT',
      'city TEXT',
      'state TEXT',
      'zip TEXT',
      'created_at TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'users')).toEqual([
      'id TEXT',
      'username TEXT NOT NULL',
      'full_name TEXT NOT NULL',
      'role TEXT NOT NULL',
      'is_admin INTEGER NOT NULL DEFAULT 0',
      'active INTEGER NOT NULL DEFAULT 1',
      'created_at TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'patients')).toEqual([
      'id TEXT',
      'version INTEGER NOT NULL DEFAULT 1',
      'first_name TEXT NOT NULL',
      'middle_name TEXT',
      'last_name TEXT NOT NULL',
      'date_of_birth TEXT NOT NULL',
      'sex TEXT NOT NULL',
      'phone TEXT',
      'address_line1 TEXT',
      'address_line2 TEXT',
      'city TEXT',
      'state TEXT',
      'zip TEXT',
      "preferred_language TEXT NOT NULL DEFAULT 'en'",
      'mbi TEXT',
      'part_d_plan_name TEXT',
      'part_d_contract_id TEXT',
      'part_d_member_id TEXT',
      'no_known_allergies INTEGER NOT NULL DEFAULT 0',
      'notes TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
      'deleted_at TEXT',
      'deleted_by TEXT',
      'deleted_reason TEXT',
    ]);
    expect(await columnsOf(db, 'patient_allergies')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'substance TEXT NOT NULL',
      'reaction TEXT',
      'severity TEXT NOT NULL',
      'kind TEXT NOT NULL',
      'created_at TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'patients')).toEqual([
      'index idx_patients_dob',
      'index idx_patients_first_name',
      'index idx_patients_mbi',
      'index idx_patients_name',
    ]);
    expect(await indexesOf(db, 'patient_allergies')).toEqual(['index idx_patient_allergies_patient']);
    await db.destroy();
  });

  it('keeps one pharmacy row, unique usernames and only the listed roles, sexes and severities', async () => {
    const { migrate } = await beforeMigration('InitialSchema1763900000000');
    const db = await migrate();
    const at = '2025-10-01T08:00:00.000Z';

    await insert(db, 'pharmacy', { id: 1, name: 'Maple Street Pharmacy', ncpdp_id: '3678214', created_at: at });
    await expect(insert(db, 'pharmacy', { id: 2, name: 'Second Store', created_at: at })).rejects.toThrow(/CHECK/);

    const pharmacist = { id: 'u1', username: 'pharmacist1', full_name: 'Pat Lee', role: 'pharmacist', created_at: at };
    await insert(db, 'users', pharmacist);
    expect(await rowsOf(db, 'users')).toEqual([{ ...pharmacist, is_admin: 0, active: 1 }]);
    const user = { full_name: 'Sam Lee', role: 'technician', created_at: at };
    await expect(insert(db, 'users', { id: 'u2', username: 'PHARMACIST1', ...user })).rejects.toThrow(/UNIQUE/);
    const cashier = { id: 'u3', username: 'clerk', ...user, role: 'cashier' };
    await expect(insert(db, 'users', cashier)).rejects.toThrow(/CHECK/);

    await insert(db, 'patients', PATIENT);
    expect(await rowsOf(db, 'patients')).toEqual([PATIENT]);
    await expect(insert(db, 'patients', { ...PATIENT, id: 'p2', sex: 'F' })).rejects.toThrow(/CHECK/);

    const allergy = {
      id: 'a1',
      patient_id: PATIENT.id,
      substance: 'Sulfamethoxazole',
      reaction: 'rash',
      created_at: at,
    };
    await insert(db, 'patient_allergies', { ...allergy, severity: 'moderate', kind: 'allergy' });
    const badSeverity = { ...allergy, id: 'a2', severity: 'bad', kind: 'allergy' };
    await expect(insert(db, 'patient_allergies', badSeverity)).rejects.toThrow(/CHECK/);
    const nobodys = { ...allergy, id: 'a3', patient_id: 'nobody', severity: 'mild', kind: 'intolerance' };
    await expect(insert(db, 'patient_allergies', nobodys)).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
