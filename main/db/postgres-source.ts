// Opens a shared pharmacy database on a PostgreSQL server (issue 21): the same migrations and data
// layer as the encrypted file (./data-source), selected by the connection. TLS is verified in full
// (the server's CA given, its certificate and host name checked: libpq's sslmode=verify-full); plain
// text is accepted only to this computer, for the throw-away test cluster.
import type { TlsOptions } from 'node:tls';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AppError } from '../common/errors';
import { all, sql } from './sql';

export interface PostgresOptions {
  /**
   * TLS options with the server's CA (`ca`, PEM), checked by requireVerifiedTls; false or omitted: plain text,
   * accepted only to a loopback address (the test cluster).
   */
  ssl?: boolean | TlsOptions;
  /** For a migration's own test, the list up to it (default: all). */
  migrations?: typeof MIGRATIONS;
  /** The caller means to migrate (./postgres-roles, with the owner's account): an account that may not is refused. */
  asOwner?: boolean;
}

/** The advisory lock that serialises migrating: workstations started together migrate one after another. */
const MIGRATING = 0x6d746d; // "mtm"

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const refused = (field: string, message: string) => new AppError('validation', message, field, [{ field, message }]);

/**
 * The URL and TLS options to give the driver, or a clear refusal: `sslmode` may only be verify-full (and is
 * then taken out: the driver's own reading of it would replace the CA given here), TLS needs the server's CA
 * with the certificate checked, and plain text is for a loopback address only.
 */
export function requireVerifiedTls(url: string, ssl: PostgresOptions['ssl']): { url: string; ssl: false | TlsOptions } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused('url', 'Enter the connection URL as postgres://user@server:5432/database.');
  }
  const mode = parsed.searchParams.get('sslmode');
  if (mode !== null && mode !== 'verify-full')
    throw refused(
      'url',
      `sslmode=${mode} is not accepted: MTM Desk connects only with sslmode=verify-full (TLS with the server's certificate and name checked).`,
    );
  const other = [...parsed.searchParams.keys()].find((k) => k !== 'sslmode' && /^(ssl|uselibpqcompat)/.test(k));
  if (other)
    throw refused('url', `Remove ${other} from the connection URL: the server's CA certificate is given separately.`);
  parsed.searchParams.delete('sslmode');
  if (ssl === undefined || ssl === false) {
    if (mode || !LOOPBACK.has(parsed.hostname))
      throw refused(
        'ca',
        "The server's CA certificate is needed: MTM Desk connects to a database server only over verified TLS.",
      );
    return { url: parsed.toString(), ssl: false };
  }
  if (ssl === true || !ssl.ca || (typeof ssl.ca === 'string' && !ssl.ca.trim()))
    throw refused(
      'ca',
      "The server's CA certificate is needed to check the server's certificate (sslmode=verify-full).",
    );
  if (ssl.rejectUnauthorized === false || 'checkServerIdentity' in ssl)
    throw refused('ca', "The server's certificate and name must be checked: MTM Desk does not connect otherwise.");
  return { url: parsed.toString(), ssl: { ...ssl, rejectUnauthorized: true } };
}

/** The migrations this database has not had, read without creating anything (the app's role may not). */
async function pendingMigrations(ds: DataSource, migrations: typeof MIGRATIONS): Promise<string[]> {
  const [table] = await all<{ t: string | null }>(ds, sql`SELECT to_regclass('schema_migrations')::text AS t`);
  const applied = new Set(
    table?.t ? (await all<{ name: string }>(ds, sql`SELECT name FROM schema_migrations`)).map((m) => m.name) : [],
  );
  return migrations.map((m) => new m().name!).filter((name) => !applied.has(name));
}

/** Whether the connected role may create tables (the owner's account may; the app's role, prepared by postgres-roles, may not). */
async function canMigrate(ds: DataSource): Promise<boolean> {
  const [row] = await all<{ ok: boolean }>(
    ds,
    sql`SELECT has_schema_privilege(current_user, current_schema(), 'CREATE') AS ok`,
  );
  return row?.ok === true;
}

/**
 * Connects to `url` (postgres://user:password@host:port/database) and migrates in one transaction. With the
 * app's role (which may not change the schema), pending migrations are refused with what to do instead.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DataSource> {
  const connection = requireVerifiedTls(url, options.ssl);
  const migrations = options.migrations ?? MIGRATIONS;
  const dataSource = new DataSource({
    type: 'postgres',
    url: connection.url,
    ssl: connection.ssl,
    // count(*) and other bigints as numbers, as SQLite gives them (a pharmacy's counts are far below 2^53).
    parseInt8: true,
    applicationName: 'MTM Desk',
    entities: [],
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    logging: false,
  });
  try {
    await dataSource.initialize();
    const lock = dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATING]);
      if (!(await canMigrate(dataSource))) {
        if (options.asOwner)
          throw new AppError(
            'validation',
            `The account ${new URL(connection.url).username || 'given'} may not create tables in this database: use the database owner's account (the role that owns the database).`,
          );
        const pending = await pendingMigrations(dataSource, migrations);
        if (pending.length)
          throw new AppError(
            'internal',
            `The shared database needs ${pending.length} update${pending.length === 1 ? '' : 's'} for this version of MTM Desk, which the app's database account may not make. Ask the person who looks after the database server to run "mtm shared prepare" with the database owner's account, then start MTM Desk again.`,
          );
      } else await dataSource.runMigrations({ transaction: 'all' });
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

/** What protects a shared database connection in transit, for `mtm check`. */
export interface ConnectionSecurity {
  tls: boolean;
  /** TLS with the server's certificate checked against the CA given and its name against the URL's host. */
  verified: boolean;
  protocol: string | null;
  cipher: string | null;
  serverVersion: string;
}

/** The connection's TLS as the server sees it (pg_stat_ssl), or null on the encrypted file (nothing in transit). */
export async function connectionSecurity(ds: DataSource): Promise<ConnectionSecurity | null> {
  if (ds.options.type !== 'postgres') return null;
  const [row] = await all<{ ssl: boolean; version: string | null; cipher: string | null; server: string }>(
    ds,
    sql`SELECT s.ssl, s.version, s.cipher, current_setting('server_version') AS server
      FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()`,
  );
  const tls = row?.ssl === true;
  // openPostgres passes TLS options only once requireVerifiedTls has found them verifying in full.
  const { ssl } = ds.options;
  const verified = tls && typeof ssl === 'object' && ssl.rejectUnauthorized === true && Boolean(ssl.ca);
  return { tls, verified, protocol: row?.version ?? null, cipher: row?.cipher ?? null, serverVersion: row!.server };
}

/** One line for `mtm check`: how the connection is protected, plainly. */
export function describeConnectionSecurity(s: ConnectionSecurity): string {
  if (!s.tls) return `Connection: NOT encrypted (plain text) to PostgreSQL ${s.serverVersion}`;
  const how = s.verified ? "server's certificate and name verified" : "server's certificate NOT verified";
  return `Connection: ${s.protocol ?? 'TLS'} (${s.cipher ?? 'unknown cipher'}), ${how}, PostgreSQL ${s.serverVersion}`;
}
