// The backup container: a magic line, a JSON header (format, time, record counts, the keyring's
// slots, the database's checksum) and the database bytes, which stay encrypted under the data key.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../common/errors';

const MAGIC = Buffer.from('MTMDESK-BACKUP-1\n');
export const BACKUP_EXTENSION = '.mtmbackup';

const countsSchema = z.object({
  users: z.number(),
  patients: z.number(),
  allergies: z.number(),
  auditEntries: z.number(),
});
const headerSchema = z.object({
  format: z.literal('mtm-desk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.string(),
  counts: countsSchema,
  keyring: z.unknown(),
  database: z.object({ bytes: z.number(), sha256: z.string() }),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export function encodeBackup(header: Omit<BackupHeader, 'format' | 'version' | 'database'>, database: Buffer): Buffer {
  const full: BackupHeader = {
    format: 'mtm-desk-backup',
    version: 1,
    ...header,
    database: { bytes: database.length, sha256: createHash('sha256').update(database).digest('hex') },
  };
  const json = Buffer.from(JSON.stringify(full));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json, database]);
}

function parseHeader(buf: Buffer, file: string): { header: BackupHeader; offset: number } {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new AppError('validation', `${file} is not an MTM Desk backup.`, 'file');
  const len = buf.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  let header: BackupHeader;
  try {
    header = headerSchema.parse(JSON.parse(buf.subarray(start, start + len).toString('utf8')));
  } catch {
    throw new AppError('validation', `${file} is damaged: its header cannot be read.`, 'file');
  }
  return { header, offset: start + len };
}

/** Reads and checks a whole backup: header, and database bytes against their checksum. */
export function decodeBackup(file: string): { header: BackupHeader; database: Buffer } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    throw new AppError('notFound', `The backup file ${file} cannot be read.`, 'file');
  }
  const { header, offset } = parseHeader(buf, file);
  const database = buf.subarray(offset);
  if (
    database.length !== header.database.bytes ||
    createHash('sha256').update(database).digest('hex') !== header.database.sha256
  ) {
    throw new AppError(
      'validation',
      `${file} is damaged or incomplete (its checksum does not match). Use another backup.`,
      'file',
    );
  }
  return { header, database };
}

/** Just the header, for listing backups without reading whole files. */
export function readBackupHeader(file: string): BackupHeader | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return parseHeader(head.subarray(0, n), file).header;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
