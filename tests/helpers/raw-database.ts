import Database from 'better-sqlite3-multiple-ciphers';
import { readKeyring, unlockWithPassword } from '../../main/security/keyring';
import type { Session } from '../../main/security/session';
import { PASSWORD } from './setup-data';

/** The database file opened underneath the app with its data key, as someone with the key and a SQLite tool would. */
export function rawDatabase(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  return db;
}

/** The test pharmacy's data key, from its keyring with the first pharmacist's password. */
export async function dataKeyOf(session: Session): Promise<Buffer> {
  return (await unlockWithPassword(readKeyring(session.paths.keyring), 'pharmacist1', PASSWORD))!;
}

/** The test pharmacy's database opened underneath the app. */
export async function rawOpen(session: Session): Promise<Database.Database> {
  return rawDatabase(session.paths.database, await dataKeyOf(session));
}
