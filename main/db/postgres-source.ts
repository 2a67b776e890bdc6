// Opens a shared pharmacy database on a PostgreSQL server (issue 21): the same migrations and data
// layer as the encrypted file (./data-source), selected by the connection. TLS options are passed to
// the driver as given; requiring a verified connection is the caller's to configure for now.
import type { TlsOptions } from 'node:tls';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

export interface PostgresOptions {
  /** Passed to `pg` as is (false, or the TLS options: `ca`, `servername`…). */
  ssl?: boolean | TlsOptions;
  /** For a migration's own test, the list up to it (default: all). */
  migrations?: typeof MIGRATIONS;
}

/** The advisory lock that serialises migrating: workstations started together migrate one after another. */
const MIGRATING = 0x6d746d; // "mtm"

/** Connects to `url` (postgres://user:password@host:port/database) and migrates in one transaction. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    ssl: options.ssl ?? false,
    // count(*) and other bigints as numbers, as SQLite gives them (a pharmacy's counts are far below 2^53).
    parseInt8: true,
    applicationName: 'MTM Desk',
    entities: [],
    migrations: options.migrations ?? MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    logging: false,
  });
  try {
    await dataSource.initialize();
    const lock = dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATING]);
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      // Released with its connection too, should unlocking fail.
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATING]).finally(() => lock.release());
    }
    return dataSource;
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw err;
  }
}
