import type { QueryRunner } from 'typeorm';
import { createTrigger } from './dialect';
import type { ForwardMigration } from './forward-only';

export class AuditSettingsUsers1763990000000 implements ForwardMigration {
  name = 'AuditSettingsUsers1763990000000';

  async up(q: QueryRunner): Promise<void> {
    // Append-only and hash-chained: hash = sha256(prev_hash || content); see main/security/audit/.
    await q.query(`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      username TEXT NOT NULL,
      action TEXT NOT NULL,
      category TEXT NOT NULL,
      patient_id TEXT,
      object_id TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
      detail TEXT,
      prev_hash TEXT,
      hash TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_audit_at ON audit_log (at)`);
    await q.query(`CREATE INDEX idx_audit_patient ON audit_log (patient_id)`);
    await q.query(`CREATE INDEX idx_audit_user ON audit_log (username)`);
    await q.query(`CREATE INDEX idx_audit_action ON audit_log (action)`);
    await createTrigger(
      q,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END`,
    );
    await createTrigger(
      q,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END`,
    );
    await q.query(
      `CREATE TABLE app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`,
    );
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0`);
  }
}
