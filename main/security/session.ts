// One pharmacy's data folder and who, if anyone, has it unlocked. The database is open only
// between a successful sign-in (or setup) and sign-out; signing out closes it and wipes the key.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { AppStatus, SetupData, SetupResult, SignedInUser, signInRequest } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { openDatabase } from '../db/data-source';
import { dataPaths, type DataPaths } from '../db/data-paths';
import { getPharmacy, insertPharmacy } from '../pharmacy/pharmacy-store';
import { createKeyring, keyringExists, newDataKey, readKeyring, unlockWithPassword, writeKeyring } from './keyring';
import { newRecoveryCode } from './recovery-code';
import { findActiveUser, insertUser, toSignedInUser } from './users';

export const BAD_CREDENTIALS = 'The username or password is incorrect. Check Caps Lock and try again.';

interface Unlocked {
  db: DataSource;
  key: Buffer;
  user: SignedInUser;
  pharmacyName: string;
}

export class Session {
  readonly paths: DataPaths;
  private unlocked: Unlocked | null = null;

  constructor(dataDir: string) {
    this.paths = dataPaths(dataDir);
  }

  get isInitialized(): boolean {
    return keyringExists(this.paths.keyring);
  }

  status(): AppStatus {
    return {
      initialized: this.isInitialized,
      user: this.unlocked?.user ?? null,
      pharmacyName: this.unlocked?.pharmacyName ?? null,
    };
  }

  /** The open database and the signed-in user, or an `unauthenticated` error. */
  current(): { db: DataSource; user: SignedInUser } {
    if (!this.unlocked) throw new AppError('unauthenticated', 'Please sign in to continue.');
    return this.unlocked;
  }

  async setup(req: SetupData): Promise<SetupResult> {
    if (this.isInitialized) throw new AppError('alreadyInitialized', 'This pharmacy is already set up. Sign in instead.');
    if (existsSync(this.paths.database)) {
      throw new AppError(
        'alreadyInitialized',
        `A database already exists in ${this.paths.dataDir} but its keyring is missing. Restore keyring.json from a backup; setup will not overwrite the database.`,
      );
    }
    await this.signOut();
    mkdirSync(this.paths.dataDir, { recursive: true, mode: 0o700 });
    const key = newDataKey();
    const recoveryCode = newRecoveryCode();
    let db: DataSource | null = null;
    try {
      const keyring = await createKeyring(key, { username: req.account.username, password: req.account.password }, recoveryCode);
      db = await openDatabase(this.paths.database, key);
      const userRow = await db.transaction(async (em) => {
        await insertPharmacy(em, req.pharmacy);
        return insertUser(em, { username: req.account.username, fullName: req.account.fullName, role: 'pharmacist', isAdmin: true });
      });
      // The keyring is written last: until it exists the pharmacy is not set up, and a failed setup can be retried.
      writeKeyring(this.paths.keyring, keyring);
      const user = toSignedInUser(userRow);
      this.unlocked = { db, key, user, pharmacyName: req.pharmacy.name };
      return { recoveryCode, user };
    } catch (err) {
      if (db?.isInitialized) await db.destroy();
      key.fill(0);
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.paths.database + suffix, { force: true });
      throw err;
    }
  }

  async signIn(req: z.output<typeof signInRequest>): Promise<SignedInUser> {
    if (!this.isInitialized) throw new AppError('notInitialized', 'This pharmacy has not been set up yet.');
    await this.signOut();
    const key = await unlockWithPassword(readKeyring(this.paths.keyring), req.username, req.password);
    if (!key) throw new AppError('badCredentials', BAD_CREDENTIALS);
    const db = await openDatabase(this.paths.database, key);
    const row = await findActiveUser(db.manager, req.username);
    if (!row) {
      // A slot without an active user (e.g. disabled): same answer as a wrong password.
      await db.destroy();
      key.fill(0);
      throw new AppError('badCredentials', BAD_CREDENTIALS);
    }
    const user = toSignedInUser(row);
    const pharmacy = await getPharmacy(db.manager);
    this.unlocked = { db, key, user, pharmacyName: pharmacy?.name ?? '' };
    return user;
  }

  async signOut(): Promise<void> {
    const u = this.unlocked;
    this.unlocked = null;
    if (!u) return;
    u.key.fill(0);
    if (u.db.isInitialized) await u.db.destroy();
  }
}
