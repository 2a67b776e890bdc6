import type { QueryRunner } from 'typeorm';
import { onPostgresOnly } from './dialect';
import type { ForwardMigration } from './forward-only';

export class AuditNoTruncate1766300000000 implements ForwardMigration {
  name = 'AuditNoTruncate1766300000000';

  async up(q: QueryRunner): Promise<void> {
    // TRUNCATE empties a table without firing the row triggers that keep the audit trail append-only
    // (1763990000000); on a shared server a statement trigger refuses it too, even for the owner's account.
    await onPostgresOnly(
      q,
      `CREATE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN RAISE EXCEPTION 'The audit trail is append-only'; END $fn$`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate()`,
    );
  }
}
