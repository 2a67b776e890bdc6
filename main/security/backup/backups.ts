// Backups taken while the app is in use (VACUUM INTO gives a consistent, encrypted copy under the
// same key), and restore into an empty data folder with a user's password or the recovery code.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { z } from 'zod';
import type { DataSource } from 'typeorm';
import type {
  BackupFileInfo,
  BackupResult,
  RecordCounts,
  RestoreReport,
  restoreRequest,
} from '../../../preload/schemas/settings';
import { AppError } from '../../common/errors';
import { writeFileAtomic } from '../../common/atomic-file';
import { databaseInfo, openDatabase, quickCheck } from '../../db/data-source';
import type { Row } from '../../db/rows';
import { copyPharmacy } from '../../db/copy-pharmacy';
import { all, backendOf, one, run, sql } from '../../db/sql';
import { copyIntoShared, openSharedDatabase } from '../shared-database/into-shared';
import { readSharedConfig, sealedPassword } from '../shared-database/shared-config';
import { fileSealer, type Sealer } from '../shared-database/workstation-seal';
import { appendAudit } from '../audit/audit-log';
import { dataPaths } from '../../db/data-paths';
import {
  anchorFor,
  parseKeyring,
  readKeyring,
  unlockWithPassword,
  unlockWithRecoveryCode,
  writeKeyring,
} from '../keyring';
import { normalizeRecoveryCode } from '../recovery-code';
import type { Session } from '../session';
import { BACKUP_EXTENSION, decodeBackup, encodeBackup, readBackupHeader } from './backup-file';
import { recordCounts } from './record-counts';

/** 2026-11-23T18:40:05Z → 20261123-184005: sortable, and no patient data in file names. */
const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Kernel and device file systems: writing there hangs or means nothing. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];
const under = (path: string, root: string) => path === root || path.startsWith(root + sep);

/**
 * A folder a backup may go to: a full path, outside the system's virtual folders (also through a
 * link), and at most its last folder new — a mistyped parent is an error, not a new tree.
 */
export function prepareBackupFolder(folder: string): void {
  const refuse = (why: string): never => {
    throw new AppError('validation', `Backups cannot go to ${folder}: ${why}`, 'folder');
  };
  if (!isAbsolute(folder))
    refuse('enter the full path of the folder, starting with / (or a drive letter such as D:\\ on Windows).');
  const path = resolve(folder);
  const parent = dirname(path);
  let real: string;
  try {
    real = join(realpathSync(parent), basename(path));
  } catch {
    return refuse(`the folder ${parent} does not exist. Create it first, or choose another folder.`);
  }
  if (SYSTEM_FOLDERS.some((root) => under(path, root) || under(real, root)))
    refuse('it is a system folder, not a place for files.');
  if (!statSync(parent).isDirectory()) refuse(`${parent} is a file, not a folder.`);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) refuse('it is a file, not a folder.');
    return;
  }
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    refuse(
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'this computer account may not create a folder there.'
        : `the folder could not be created (${code ?? 'error'}).`,
    );
  }
}

/**
 * The pharmacy's database as an encrypted file at `copy`, opened. The file is copied between changes, never inside
 * one (VACUUM cannot run in a transaction); a shared database is copied from one consistent snapshot into a new
 * file under the same key, so every backup is the same kind of file and restores onto either backend.
 */
async function snapshot(session: Session, copy: string): Promise<DataSource> {
  const { db, key } = session.current();
  if (backendOf(db) === 'postgres') {
    const file = await openDatabase(copy, key);
    try {
      await copyPharmacy(db, file);
    } catch (err) {
      await file.destroy();
      throw err;
    }
    return file;
  }
  // dialect: SQLite's consistent copy of a live database.
  await session.serialized(() => run(db, sql`VACUUM INTO ${copy}`));
  return openDatabase(copy, key);
}

/** Writes a backup into `folder` under a dated name, or to exactly `opts.file`. */
export async function createBackup(
  session: Session,
  folder: string,
  opts: { prefix?: string; now?: Date; file?: string } = {},
): Promise<BackupResult> {
  const { db, key } = session.current();
  const now = opts.now ?? new Date();
  prepareBackupFolder(folder);
  const copy = join(folder, `.mtm-desk-${process.pid}-${Date.now()}.tmp`);
  try {
    // Counted and anchored on the copy itself, so the header matches the snapshot even if writes went on meanwhile.
    const copyDb = await snapshot(session, copy);
    const keyring = readKeyring(session.paths.keyring);
    // A backup of a damaged file would only carry the damage forward: check the snapshot first.
    const [counts, last] = await quickCheck(copyDb)
      .then(() =>
        Promise.all([
          recordCounts(copyDb),
          one<Pick<Row<'audit_log'>, 'id' | 'hash'>>(
            copyDb,
            sql`
          SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`,
          ),
        ]),
      )
      .finally(() => copyDb.destroy());
    const auditAnchor = last ? anchorFor(key, keyring, last.id, last.hash) : undefined;
    const { schemaVersion } = await databaseInfo(db);
    const bytes = encodeBackup(
      { createdAt: now.toISOString(), schemaVersion, counts, keyring: { ...keyring, auditAnchor } },
      readFileSync(copy),
    );
    const file = opts.file ?? join(folder, `${opts.prefix ?? 'mtm-desk'}-${stamp(now)}${BACKUP_EXTENSION}`);
    writeFileAtomic(file, bytes, 0o600);
    return { file, bytes: bytes.length, createdAt: now.toISOString(), counts };
  } finally {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  }
}

export function listBackups(folder: string): BackupFileInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith(BACKUP_EXTENSION))
    .flatMap((name) => {
      const file = join(folder, name);
      const header = readBackupHeader(file);
      return header ? [{ file, name, bytes: statSync(file).size, createdAt: header.createdAt }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps the newest `keep` backups whose names start with `prefix`; returns the names removed. */
export function pruneBackups(folder: string, prefix: string, keep: number): string[] {
  const old = listBackups(folder)
    .filter((b) => b.name.startsWith(prefix))
    .slice(keep);
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}

/**
 * Restores a backup into an empty data folder: as its encrypted file, or, in a folder connected to an empty
 * shared database, onto the server (the backup's file checked first, then copied in one transaction).
 */
export async function restoreBackup(
  req: z.output<typeof restoreRequest>,
  dataDir: string,
  sealers: readonly Sealer[] = [fileSealer()],
): Promise<RestoreReport> {
  const paths = dataPaths(dataDir);
  const shared = readSharedConfig(dataDir);
  if (existsSync(paths.database) || existsSync(paths.keyring)) {
    throw new AppError('alreadyInitialized', `${dataDir} already holds a pharmacy. Restore into an empty data folder.`);
  }
  const { header, database } = decodeBackup(req.file);
  const keyring = parseKeyring(header.keyring, `${req.file} is damaged: its key slots cannot be read.`);
  const key = req.recoveryCode
    ? await unlockWithRecoveryCode(keyring, normalizeRecoveryCode(req.recoveryCode))
    : await unlockWithPassword(keyring, req.username ?? '', req.password ?? '');
  if (!key)
    throw new AppError('badCredentials', 'That username and password, or recovery code, does not open this backup.');

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = shared ? join(dataDir, `.mtm-desk-restore-${process.pid}-${Date.now()}.tmp`) : paths.database;
  const event = {
    username: req.recoveryCode ? '(recovery code)' : req.username!,
    action: 'backup.restore',
    category: 'backup',
    outcome: 'success',
    detail: `from ${basename(req.file)} taken ${header.createdAt}`,
  } as const;
  try {
    writeFileSync(file, database, { mode: 0o600 });
    // Opening runs any newer migrations; then the full integrity check and the counts.
    const db = await openDatabase(file, key);
    let counts: RecordCounts;
    try {
      counts = await checkedRestore(db, header.counts);
      if (!shared) await appendAudit(db.manager, event);
      else {
        const server = await openSharedDatabase(shared, sealedPassword(shared, sealers));
        await copyIntoShared(db, server, keyring, paths.keyring, event).finally(() => server.destroy());
      }
    } finally {
      await db.destroy();
    }
    if (shared) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    else {
      writeKeyring(paths.keyring, keyring);
      chmodSync(paths.database, 0o600);
    }
    return { integrity: 'ok', counts, createdAt: header.createdAt };
  } catch (err) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, paths.keyring]) rmSync(f, { force: true });
    throw err;
  } finally {
    key.fill(0);
  }
}

/** The restored file passes SQLite's full integrity check and holds what the backup's header recorded. */
async function checkedRestore(db: DataSource, recorded: RecordCounts): Promise<RecordCounts> {
  // dialect: SQLite's full integrity check.
  const [check] = await all<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`);
  if (check?.integrity_check !== 'ok')
    throw new AppError('internal', `The restored database failed its integrity check (${check?.integrity_check}).`);
  const counts = await recordCounts(db);
  for (const k of Object.keys(recorded) as (keyof RecordCounts)[]) {
    if (counts[k] !== recorded[k])
      throw new AppError(
        'internal',
        `The restored database has ${counts[k]} ${k} where the backup recorded ${recorded[k]}.`,
      );
  }
  return counts;
}
