import type { QueryRunner } from 'typeorm';
import { prepareServer } from './dialect';
import type { ForwardMigration } from './forward-only';

export class InitialSchema1763900000000 implements ForwardMigration {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await prepareServer(q);
    await q.query(`CREATE TABLE pharmacy (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      ncpdp_id TEXT,
      npi TEXT,
      phone TEXT,
      address_line1 TEXT,
      address_line2 TEXT,
      city TEXT,
      state TEXT,
      zip TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      full_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('pharmacist', 'technician')),
      is_admin INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE patients (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL DEFAULT 1,
      first_name TEXT NOT NULL COLLATE NOCASE,
      middle_name TEXT,
      last_name TEXT NOT NULL COLLATE NOCASE,
      date_of_birth TEXT NOT NULL,
      sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
      phone TEXT,
      address_line1 TEXT,
      address_line2 TEXT,
      city TEXT,
      state TEXT,
      zip TEXT,
      preferred_language TEXT NOT NULL DEFAULT 'en',
      mbi TEXT,
      part_d_plan_name TEXT,
      part_d_contract_id TEXT,
      part_d_member_id TEXT,
      no_known_allergies INTEGER NOT NULL DEFAULT 0,
      notes TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted_at TEXT,
      deleted_by TEXT,
      deleted_reason TEXT
    )`);
    // Search paths: name prefix (NOCASE so LIKE 'x%' can use the index), DOB, phone, MBI.
    await q.query(`CREATE INDEX idx_patients_name ON patients (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`);
    await q.query(`CREATE INDEX idx_patients_first_name ON patients (first_name COLLATE NOCASE)`);
    await q.query(`CREATE INDEX idx_patients_dob ON patients (date_of_birth)`);
    await q.query(`CREATE INDEX idx_patients_mbi ON patients (mbi)`);
    await q.query(`CREATE TABLE patient_allergies (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      substance TEXT NOT NULL,
      reaction TEXT,
      severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'unknown')),
      kind TEXT NOT NULL CHECK (kind IN ('allergy', 'intolerance')),
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_patient_allergies_patient ON patient_allergies (patient_id)`);
  }
}
