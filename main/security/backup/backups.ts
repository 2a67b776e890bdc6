// Backups taken while the app is in use (VACUUM INTO gives a consistent, encrypted copy under the
// same key), and restore into an empty data folder with a user's password or the recovery code.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { BackupFileInfo, BackupResult, RecordCounts, RestoreReport, restoreRequest } from '../../../preload/schemas/settings';
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import { writeFileAtomic } from '../../common/atomic-file';
import { databaseInfo, openDatabase, quickCheck } from '../../db/data-source';
import { appendAudit } from '../audit/audit-log';
import { dataPaths } from '../../db/data-paths';
import { parseKeyring, readKeyring, unlockWithPassword, unlockWithRecoveryCode, writeKeyring } from '../keyring';
import { normalizeRecoveryCode } from '../recovery-code';
import type { Session } from '../session';
import { BACKUP_EXTENSION, decodeBackup, encodeBackup, readBackupHeader } from './backup-file';
import { recordCounts } from './record-counts';

const countRecords = (db: DataSource) => recordCounts(async (sql) => ((await db.query(sql)) as [{ n: number }])[0].n);

/** 2026-11-23T18:40:05Z → 20261123-184005: sortable, and no patient data in file names. */
const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Writes a backup into `folder` under a dated name, or to exactly `opts.file`. */
export async function createBackup(session: Session, folder: string, opts: { prefix?: string; now?: Date; file?: string } = {}): Promise<BackupResult> {
  const { db, key } = session.current();
  const now = opts.now ?? new Date();
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new AppError('validation', `The folder ${folder} cannot be used for backups (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, 'folder');
  }
  const copy = join(folder, `.mtm-desk-${process.pid}-${Date.now()}.tmp`);
  try {
    await db.query('VACUUM INTO ?', [copy]);
    // Counted on the copy itself, so the header matches the snapshot even if writes went on meanwhile.
    const copyDb = await openDatabase(copy, key);
    // A backup of a damaged file would only carry the damage forward: check the snapshot first.
    const counts = await quickCheck(copyDb).then(() => countRecords(copyDb)).finally(() => copyDb.destroy());
    const { schemaVersion } = await databaseInfo(db);
    const bytes = encodeBackup({ createdAt: now.toISOString(), schemaVersion, counts, keyring: readKeyring(session.paths.keyring) }, readFileSync(copy));
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
  const old = listBackups(folder).filter((b) => b.name.startsWith(prefix)).slice(keep);
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}

export async function restoreBackup(req: z.output<typeof restoreRequest>, dataDir: string): Promise<RestoreReport> {
  const paths = dataPaths(dataDir);
  if (existsSync(paths.database) || existsSync(paths.keyring)) {
    throw new AppError('alreadyInitialized', `${dataDir} already holds a pharmacy. Restore into an empty data folder.`);
  }
  const { header, database } = decodeBackup(req.file);
  const keyring = parseKeyring(header.keyring, `${req.file} is damaged: its key slots cannot be read.`);
  const key = req.recoveryCode
    ? await unlockWithRecoveryCode(keyring, normalizeRecoveryCode(req.recoveryCode))
    : await unlockWithPassword(keyring, req.username ?? '', req.password ?? '');
  if (!key) throw new AppError('badCredentials', 'That username and password, or recovery code, does not open this backup.');

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(paths.database, database, { mode: 0o600 });
    // Opening runs any newer migrations; then the full integrity check and the counts.
    const db = await openDatabase(paths.database, key);
    let counts: RecordCounts;
    try {
      const [check] = (await db.query('PRAGMA integrity_check')) as { integrity_check: string }[];
      if (check?.integrity_check !== 'ok') throw new AppError('internal', `The restored database failed its integrity check (${check?.integrity_check}).`);
      counts = await countRecords(db);
      for (const k of Object.keys(header.counts) as (keyof RecordCounts)[]) {
        if (counts[k] !== header.counts[k]) throw new AppError('internal', `The restored database has ${counts[k]} ${k} where the backup recorded ${header.counts[k]}.`);
      }
      await appendAudit(db.manager, { username: req.recoveryCode ? '(recovery code)' : req.username!, action: 'backup.restore', category: 'backup', outcome: 'success', detail: `from ${basename(req.file)} taken ${header.createdAt}` });
    } finally {
      await db.destroy();
    }
    writeKeyring(paths.keyring, keyring);
    chmodSync(paths.database, 0o600);
    return { integrity: 'ok', counts, createdAt: header.createdAt };
  } catch (err) {
    for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keyring]) rmSync(f, { force: true });
    throw err;
  } finally {
    key.fill(0);
  }
}
