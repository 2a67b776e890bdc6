// Opening the shared database, and filling an empty one with a pharmacy from an encrypted file: `mtm move`
// (the file in use) and a restore onto the server (a backup's file) are the same copy.
import type { DataSource } from 'typeorm';
import { copyPharmacy, type CopyReport } from '../../db/copy-pharmacy';
import { openPostgres } from '../../db/postgres-source';
import { appendAudit, type AuditEvent } from '../audit/audit-log';
import type { Keyring } from '../keyring';
import { connectionError } from './connection-errors';
import { driverOptions, type SharedConfig } from './shared-config';
import { pushKeyring } from './shared-keyring';

/** The shared database, migrated, over verified TLS; a failure to reach it in plain words. */
export async function openSharedDatabase(
  config: Pick<SharedConfig, 'url' | 'ca'>,
  password: string,
): Promise<DataSource> {
  const { url, ssl } = driverOptions(config, password);
  try {
    return await openPostgres(url, { ssl });
  } catch (err) {
    throw connectionError(err, config.url);
  }
}

/**
 * Copies the pharmacy of `file` into the empty shared database `server` in one transaction, verified before
 * it commits, with its keyring (copied to `mirror`) and `event` on the trail (its detail gets the figures).
 */
export async function copyIntoShared(
  file: DataSource,
  server: DataSource,
  keyring: Keyring,
  mirror: string,
  event: AuditEvent,
): Promise<CopyReport> {
  const report = await copyPharmacy(file, server, {
    beforeCommit: async (em, report) => {
      await pushKeyring(em, mirror, keyring, null);
      const rows = report.tables.reduce((n, t) => n + t.rows, 0);
      await appendAudit(em, {
        ...event,
        detail: `${event.detail ?? ''}: ${report.tables.length} tables, ${rows} rows, ${report.auditRows} audit entries verified`,
      });
    },
  });
  // The planner has no statistics for tables just filled until autovacuum's next round (about a minute): without
  // them it takes a table of thousands of patients for a handful and joins by nested loops. Tables the role does not own are
  // skipped by PostgreSQL (autovacuum still analyses them).
  await server.query('ANALYZE');
  return report;
}
