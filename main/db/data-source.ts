// Opens the encrypted pharmacy database. SQLite3 Multiple Ciphers in SQLCipher v4 mode with a raw
// 256-bit key, so the file is readable by standard SQLCipher tools given the key.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AppError } from '../common/errors';
import { all, sql } from './sql';

type Connection = InstanceType<typeof Database>;

/** The page cache, in KiB (see unlock). */
export const CACHE_KIB = 262_144;

/**
 * Cipher pragmas must precede the key, and the key any other statement. TypeORM would issue its
 * own `PRAGMA key` first, so we leave its `key` option unset and do everything here.
 */
function unlock(db: Connection, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Sorts, indexes and temporary tables stay in memory: SQLite's temporary files are not encrypted,
  // and a large ORDER BY would otherwise spill names and dates of birth to disk in clear.
  db.pragma('temp_store = MEMORY');
  // Up to 256 MB of decrypted pages: whole-pharmacy screens read the fills table end to end, and a
  // page kept decrypted is not decrypted again (a busy pharmacy's whole file fits; memory is only
  // taken as pages are read).
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // Lets one INSERT compute an audit row's chain link atomically (main/security/audit).
  db.function('mtm_sha256', { deterministic: true }, (text: unknown) =>
    createHash('sha256').update(String(text)).digest('hex'),
  );
}

/** The better-sqlite3 connection under a data source, for bulk work in one synchronous transaction. */
export function rawConnection(ds: DataSource): Connection {
  return (ds.driver as unknown as { databaseConnection: Connection }).databaseConnection;
}

function isNotADatabase(err: unknown): boolean {
  return (
    (err as { code?: string }).code === 'SQLITE_NOTADB' ||
    /file is not a database/i.test(String((err as Error)?.message))
  );
}

/**
 * Opens (creating if needed) and migrates in one transaction. The full-file check is not run here:
 * it reads every page (seconds on a busy pharmacy's file) and sign-in and unlock happen many times a
 * day; `mtm check`, backups and restores run it (see quickCheck). A wrong key still fails at once.
 */
/** `migrations`: for a migration's own test, the list up to it (default: all). */
export async function openDatabase(file: string, key: Buffer, migrations = MIGRATIONS): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    driver: Database,
    prepareDatabase: (db: Connection) => unlock(db, key),
    // No entities: domain code reads and writes through plain SQL (./sql).
    entities: [],
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
    // Encrypted or not, the files are the pharmacy's alone on a shared computer.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    return dataSource;
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (isNotADatabase(err)) {
      throw new AppError(
        'internal',
        'The database file does not match its keyring (or is not an MTM Desk database). Restore both from the same backup.',
      );
    }
    throw err;
  }
}

/** SQLite's quick check over the whole file: throws, saying what failed, unless the file is sound. */
export async function quickCheck(dataSource: DataSource): Promise<void> {
  // dialect: SQLite's own integrity check.
  const check = await all<{ quick_check: string }>(dataSource, sql`PRAGMA quick_check`);
  if (check[0]?.quick_check !== 'ok') {
    throw new AppError(
      'internal',
      `The database failed its integrity check (${check.map((r) => r.quick_check).join('; ')}). Restore it from a backup.`,
    );
  }
}

export interface DatabaseInfo {
  schemaVersion: string;
  migrations: number;
}

export async function databaseInfo(ds: DataSource): Promise<DatabaseInfo> {
  const rows = await all<{ name: string }>(ds, sql`SELECT name FROM schema_migrations ORDER BY id`);
  return { schemaVersion: rows.at(-1)?.name ?? 'none', migrations: rows.length };
}
