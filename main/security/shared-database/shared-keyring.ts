// The keyring on a shared server (migration 1766200000000), and the copy each workstation keeps of it
// in keyring.json so that the closed-database paths (waiting audit events) work as with a file.
import { AppError } from '../../common/errors';
import { one, run, sql, type Q } from '../../db/sql';
import { parseKeyring, writeKeyring, type Keyring } from '../keyring';

export interface StoredKeyring {
  keyring: Keyring;
  version: number;
}

const DAMAGED = 'The keyring on the shared database is damaged. Restore the shared database from a backup.';

/** The server's keyring (copied to `mirror`), or null for a database no pharmacy has been set up in yet. */
export async function pullKeyring(q: Q, mirror: string): Promise<StoredKeyring | null> {
  const row = await one<{ keyring: string; version: number }>(
    q,
    sql`SELECT keyring, version FROM shared_keyring WHERE id = 1`,
  );
  if (!row) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(row.keyring);
  } catch {
    throw new AppError('internal', DAMAGED);
  }
  const keyring = parseKeyring(raw, DAMAGED);
  writeKeyring(mirror, keyring);
  return { keyring, version: row.version };
}

/**
 * Writes the keyring, made from the copy of `version` (null: the first, at setup or a move). A write
 * from another workstation since then refuses this one, which was made from an older copy.
 */
export async function pushKeyring(q: Q, mirror: string, next: Keyring, version: number | null): Promise<number> {
  const text = JSON.stringify(next);
  const now = new Date().toISOString();
  let written = 1;
  if (version === null) {
    await run(q, sql`INSERT INTO shared_keyring (id, keyring, version, updated_at) VALUES (1, ${text}, 1, ${now})`);
  } else {
    const changed = await one<{ version: number }>(
      q,
      sql`UPDATE shared_keyring SET keyring = ${text}, version = version + 1, updated_at = ${now}
          WHERE id = 1 AND version = ${version} RETURNING version`,
    );
    if (!changed)
      throw new AppError(
        'conflict',
        'The accounts were changed at another workstation a moment ago. Nothing was changed here: try again.',
      );
    written = changed.version;
  }
  writeKeyring(mirror, next);
  return written;
}
