import type { QueryRunner } from 'typeorm';
import { addInsertionOrder } from './dialect';
import type { ForwardMigration } from './forward-only';

export class Fills1764300000000 implements ForwardMigration {
  name = 'Fills1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // The dispensing system's own patient number, for matching its exports.
    await q.query(`ALTER TABLE patients ADD COLUMN external_id TEXT`);
    await q.query(
      `CREATE UNIQUE INDEX idx_patients_external_id ON patients (external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(`CREATE TABLE fill_imports (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      rows INTEGER NOT NULL,
      imported INTEGER NOT NULL,
      duplicates INTEGER NOT NULL,
      created_patients INTEGER NOT NULL,
      skipped_invalid INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE fills (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      rx_number TEXT NOT NULL,
      fill_number INTEGER NOT NULL,
      fill_date TEXT NOT NULL,
      ndc TEXT,
      drug_name TEXT,
      quantity REAL NOT NULL,
      days_supply INTEGER NOT NULL,
      prescriber_npi TEXT,
      payer TEXT,
      bin TEXT,
      pcn TEXT,
      cost REAL,
      import_id TEXT REFERENCES fill_imports (id),
      created_at TEXT NOT NULL,
      CHECK (ndc IS NOT NULL OR drug_name IS NOT NULL)
    )`);
    // One fill per prescription number, fill number and date: re-importing adds nothing.
    await q.query(`CREATE UNIQUE INDEX idx_fills_natural_key ON fills (rx_number, fill_number, fill_date)`);
    await addInsertionOrder(q, 'fills');
    await q.query(`CREATE INDEX idx_fills_patient ON fills (patient_id, fill_date)`);
    await q.query(
      `CREATE TABLE import_mappings (signature TEXT PRIMARY KEY, mapping TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`,
    );
  }
}
