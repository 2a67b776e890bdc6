import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class Medications1764200000000 implements ForwardMigration {
  name = 'Medications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE patient_medications (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      version INTEGER NOT NULL DEFAULT 1,
      product TEXT NOT NULL,
      rxcui TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('rx', 'otc', 'herbal', 'supplement')),
      strength TEXT,
      dose_form TEXT,
      sig TEXT,
      indication TEXT,
      prescriber_id TEXT REFERENCES prescribers (id),
      start_date TEXT,
      stop_date TEXT,
      stop_reason TEXT,
      source TEXT NOT NULL CHECK (source IN ('pharmacyFill', 'patientReported', 'otherPharmacy', 'dischargeList', 'caregiver')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_patient_medications_patient ON patient_medications (patient_id, stop_date)`);
    // Every version of every entry, as it was after each change: nothing said about a medicine is lost.
    await q.query(`CREATE TABLE patient_medication_history (
      medication_id TEXT NOT NULL REFERENCES patient_medications (id),
      version INTEGER NOT NULL,
      change TEXT NOT NULL CHECK (change IN ('added', 'changed', 'stopped')),
      snapshot TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL,
      PRIMARY KEY (medication_id, version)
    )`);
  }
}
