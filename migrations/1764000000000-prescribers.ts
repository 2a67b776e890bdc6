import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class Prescribers1764000000000 implements ForwardMigration {
  name = 'Prescribers1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE prescribers (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL DEFAULT 1,
      npi TEXT NOT NULL UNIQUE,
      first_name TEXT NOT NULL COLLATE NOCASE,
      last_name TEXT NOT NULL COLLATE NOCASE,
      credentials TEXT,
      dea TEXT,
      practice TEXT,
      phone TEXT,
      fax TEXT,
      address_line1 TEXT,
      address_line2 TEXT,
      city TEXT,
      state TEXT,
      zip TEXT,
      preferred_contact TEXT NOT NULL CHECK (preferred_contact IN ('fax', 'phone', 'portal')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`);
    await q.query(
      `CREATE INDEX idx_prescribers_name ON prescribers (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`,
    );
  }
}
