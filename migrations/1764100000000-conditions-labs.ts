import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class ConditionsLabs1764100000000 implements ForwardMigration {
  name = 'ConditionsLabs1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE patient_conditions (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      code TEXT NOT NULL,
      onset_date TEXT,
      resolved_on TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_patient_conditions_patient ON patient_conditions (patient_id)`);
    // One active entry per code and patient; a resolved one may be followed by a new one.
    await q.query(
      `CREATE UNIQUE INDEX idx_patient_conditions_active ON patient_conditions (patient_id, code) WHERE resolved_on IS NULL`,
    );
    await q.query(`CREATE TABLE patient_labs (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      type TEXT NOT NULL,
      value REAL NOT NULL,
      value2 REAL,
      unit TEXT NOT NULL,
      taken_on TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_patient_labs_patient ON patient_labs (patient_id, type, taken_on)`);
  }
}
