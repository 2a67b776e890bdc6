import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { AppError } from '../../main/common/errors';
import { all, sql } from '../../main/db/sql';
import { createPatient, getPatient } from '../../main/patients/patient-store';
import { BAD_CREDENTIALS, Session } from '../../main/security/session';
import { fingerprint, newPharmacy, PASSWORD, patient, SETUP, tempDir } from '../helpers/temp-pharmacy';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe('the encrypted pharmacy database', FILE_ONLY, () => {
  it('holds no plaintext: no SQLite header and no patient name in the file or its WAL', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    await createPatient(db, user, patient({ firstName: 'Philomena', lastName: 'Xanthopoulos' }), false);
    // Before close the data sits in the WAL; after close it is checkpointed into the main file.
    const walBytes = readFileSync(`${session.paths.database}-wal`);
    expect(walBytes.includes('Xanthopoulos')).toBe(false);
    await session.signOut();

    const bytes = readFileSync(session.paths.database);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    for (const needle of ['Xanthopoulos', 'Philomena', 'Lakeshore Family Pharmacy', '1EG4TE5MK73', 'CREATE TABLE']) {
      expect(bytes.includes(needle), needle).toBe(false);
    }
  });

  it('cannot be opened without the key: plain SQLite says it is not a database', async () => {
    const { session } = await newPharmacy();
    await session.signOut();
    const raw = new Database(session.paths.database);
    expect(() => raw.prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
    raw.close();
  });

  it('opens with WAL, synchronous=FULL and foreign keys on', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    expect(await all<{ journal_mode: string }>(db, sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: 'wal' }]);
    expect(await all<{ synchronous: number }>(db, sql`PRAGMA synchronous`)).toEqual([{ synchronous: 2 }]);
    expect(await all<{ foreign_keys: number }>(db, sql`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
    await session.signOut();
  });

  it('reads back what was written after close and reopen', async () => {
    const { session, dataDir } = await newPharmacy();
    const { db, user } = session.current();
    const created = await createPatient(db, user, patient(), false);
    await session.signOut();

    const again = new Session(dataDir);
    await again.signIn({ username: 'pharmacist1', password: PASSWORD });
    const read = await getPatient(again.current().db, created.id);
    expect(read).toMatchObject({ lastName: 'Quenneville', mbi: '1EG4TE5MK73', phone: '3305550187' });
    expect(read.allergies.map((a) => a.substance)).toEqual(['Sulfamethoxazole']);
    expect(again.status()).toMatchObject({
      initialized: true,
      pharmacyName: 'Lakeshore Family Pharmacy',
      user: { username: 'pharmacist1', role: 'pharmacist', isAdmin: true },
    });
    await again.signOut();
  });

  it('refuses a wrong password with one message, and leaves the files byte-for-byte unchanged', async () => {
    const { session, dataDir } = await newPharmacy();
    await session.signOut();
    const before = fingerprint(session.paths.database, session.paths.keyring);

    const fresh = new Session(dataDir);
    const wrong = await rejection(fresh.signIn({ username: 'pharmacist1', password: 'not my password at all' }));
    const unknownUser = await rejection(fresh.signIn({ username: 'nobody', password: PASSWORD }));
    for (const err of [wrong, unknownUser])
      expect(err).toMatchObject({ code: 'badCredentials', message: BAD_CREDENTIALS });

    expect(fresh.status().user).toBeNull();
    expect(() => fresh.current()).toThrow(/sign in/);
    expect(fingerprint(session.paths.database, session.paths.keyring)).toEqual(before);
  });

  it('says the database and keyring do not match when the database file is replaced', async () => {
    const a = await newPharmacy();
    const b = await newPharmacy();
    await a.session.signOut();
    await b.session.signOut();
    writeFileSync(a.session.paths.database, readFileSync(b.session.paths.database));
    const err = await rejection(new Session(a.dataDir).signIn({ username: 'pharmacist1', password: PASSWORD }));
    expect(err?.message).toMatch(/does not match its keyring/);
  });

  it('will not set up over an existing pharmacy, nor over a database whose keyring is missing', async () => {
    const { session, dataDir } = await newPharmacy();
    expect(await rejection(session.setup(SETUP))).toMatchObject({ code: 'alreadyInitialized' });
    await session.signOut();

    const orphanDir = tempDir();
    writeFileSync(`${orphanDir}/mtm-desk.db`, 'something precious');
    const err = await rejection(new Session(orphanDir).setup(SETUP));
    expect(err).toMatchObject({ code: 'alreadyInitialized' });
    expect(err?.message).toMatch(/keyring is missing/);
    expect(readFileSync(`${orphanDir}/mtm-desk.db`, 'utf8')).toBe('something precious');
    expect(dataDir).not.toBe(orphanDir);
  });

  it('signing out closes the database and wipes the key from memory', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    const key = (session as unknown as { unlocked: { key: Buffer } }).unlocked.key;
    expect(key.some((b) => b !== 0)).toBe(true);
    await session.signOut();
    expect(db.isInitialized).toBe(false);
    expect(key.every((b) => b === 0)).toBe(true);
  });
});
