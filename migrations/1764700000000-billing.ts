import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class Billing1764700000000 implements ForwardMigration {
  name = 'Billing1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // The pharmacy as billing provider (837P loop 2010AA / CMS-1500 box 33).
    await q.query(`CREATE TABLE billing_provider (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      legal_name TEXT NOT NULL, npi TEXT NOT NULL, tax_id TEXT NOT NULL, taxonomy TEXT NOT NULL,
      address_line1 TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL, zip TEXT NOT NULL, phone TEXT NOT NULL,
      updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
    )`);
    // Pharmacists as rendering providers (loop 2310B / box 24J).
    await q.query(`CREATE TABLE billing_pharmacists (
      username TEXT PRIMARY KEY COLLATE NOCASE, first_name TEXT NOT NULL, last_name TEXT NOT NULL, npi TEXT NOT NULL, taxonomy TEXT NOT NULL,
      updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE payers (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, payer_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('partD', 'mtmVendor', 'medicaid', 'commercial', 'cash')),
      submitter_id TEXT NOT NULL, receiver_id TEXT NOT NULL, receiver_name TEXT NOT NULL, claim_filing_code TEXT NOT NULL,
      unit_rule TEXT NOT NULL CHECK (unit_rule IN ('whole', 'midpoint')),
      fee_99605 INTEGER NOT NULL, fee_99606 INTEGER NOT NULL, fee_99607 INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
    )`);
    // One claim per review and payer at a time; corrections and voids point at the claim they change.
    await q.query(`CREATE TABLE claims (
      id TEXT PRIMARY KEY, claim_number TEXT NOT NULL UNIQUE, review_id TEXT NOT NULL REFERENCES reviews (id), payer_id TEXT NOT NULL REFERENCES payers (id),
      patient_id TEXT NOT NULL REFERENCES patients (id), rendering_username TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'exported', 'submitted', 'paid', 'denied', 'rejected', 'voided')),
      frequency TEXT NOT NULL CHECK (frequency IN ('1', '7', '8')), replaces_claim_id TEXT REFERENCES claims (id),
      service_date TEXT NOT NULL, minutes INTEGER NOT NULL, established INTEGER NOT NULL, established_override TEXT,
      lines TEXT NOT NULL, diagnoses TEXT NOT NULL, total_cents INTEGER NOT NULL, explanation TEXT NOT NULL,
      batch_id TEXT, paid_cents INTEGER, paid_date TEXT, denial_reason TEXT,
      version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_claims_review ON claims (review_id, payer_id)`);
    await q.query(`CREATE INDEX idx_claims_service ON claims (service_date, payer_id, status)`);
    await q.query(`CREATE TABLE claim_batches (
      id TEXT PRIMARY KEY, format TEXT NOT NULL, payer_id TEXT REFERENCES payers (id), from_date TEXT NOT NULL, to_date TEXT NOT NULL,
      file_name TEXT NOT NULL, content TEXT NOT NULL, claim_count INTEGER NOT NULL, interchange_control INTEGER,
      created_at TEXT NOT NULL, created_by TEXT NOT NULL
    )`);
    // ISA13/GS06 must not repeat: the last control number used.
    await q.query(
      `CREATE TABLE x12_control (id INTEGER PRIMARY KEY CHECK (id = 1), last_interchange INTEGER NOT NULL)`,
    );
    await q.query(`INSERT INTO x12_control (id, last_interchange) VALUES (1, 0)`);
  }
}
