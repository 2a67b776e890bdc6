// One pharmacy's data folder and who, if anyone, has it unlocked. The database is open only
// between a successful sign-in (or setup) and sign-out or lock; both close it and wipe the key.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AppStatus, SetupData, SetupResult, SignedInUser, signInRequest } from '../../preload/schemas/security';
import type { breakGlassRequest, changeOwnPasswordRequest } from '../../preload/schemas/users';
import { passwordProblem } from '../../preload/schemas/security';
import { IDLE_LOCK_DEFAULT_MINUTES } from '../../preload/schemas/settings';
import { AppError } from '../common/errors';
import { openDatabase } from '../db/data-source';
import { dataPaths, type DataPaths } from '../db/data-paths';
import { getPharmacy, insertPharmacy } from '../pharmacy/pharmacy-store';
import { getSettings } from '../settings/pharmacy-settings';
import { appendAudit, type AuditEvent } from './audit/audit-log';
import { flushEvents, queueEvent } from './audit/pending-events';
import { createKeyring, keyringExists, newDataKey, readKeyring, unlockWithPassword, unlockWithRecoveryCode, withUserSlot, writeKeyring } from './keyring';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { UserEntity } from './user.entity';
import { findActiveUser, insertUser, toSignedInUser } from './users';

export const BAD_CREDENTIALS = 'The username or password is incorrect. Check Caps Lock and try again.';
const BAD_RECOVERY = 'That recovery code, username or reason was not accepted. Check the code and try again.';
const IDLE_CHECK_MS = 5_000;

interface Unlocked {
  db: DataSource;
  key: Buffer;
  user: SignedInUser;
  pharmacyName: string;
  idleMs: number;
}

export class Session {
  readonly paths: DataPaths;
  private unlocked: Unlocked | null = null;
  private locked: { username: string; fullName: string } | null = null;
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  private idleLockMinutes = IDLE_LOCK_DEFAULT_MINUTES;

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
      locked: this.unlocked ? null : this.locked,
      idleLockMinutes: this.idleLockMinutes,
    };
  }

  /** The open database and the signed-in user, or an `unauthenticated` / `locked` error. */
  current(): { db: DataSource; user: SignedInUser; key: Buffer } {
    if (this.unlocked) return this.unlocked;
    if (this.locked) throw new AppError('locked', `The screen is locked. ${this.locked.fullName} can enter their password to continue.`);
    throw new AppError('unauthenticated', 'Please sign in to continue.');
  }

  /** Any request or keystroke from the signed-in user postpones the idle lock. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  /** Writes to the audit trail now, or queues the event if the database is closed. */
  async audit(event: AuditEvent): Promise<void> {
    if (this.unlocked) await appendAudit(this.unlocked.db.manager, event);
    else if (this.isInitialized) queueEvent(this.paths.pendingAudit, event);
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
        const row = await insertUser(em, { username: req.account.username, fullName: req.account.fullName, role: 'pharmacist', isAdmin: true });
        await appendAudit(em, { username: row.username, action: 'security.setup', category: 'security', outcome: 'success', detail: `pharmacy "${req.pharmacy.name}" created` });
        return row;
      });
      // The keyring is written last: until it exists the pharmacy is not set up, and a failed setup can be retried.
      writeKeyring(this.paths.keyring, keyring);
      await this.open(db, key, toSignedInUser(userRow));
      return { recoveryCode, user: toSignedInUser(userRow) };
    } catch (err) {
      if (db?.isInitialized) await db.destroy();
      key.fill(0);
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.paths.database + suffix, { force: true });
      throw err;
    }
  }

  async signIn(req: z.output<typeof signInRequest>): Promise<SignedInUser> {
    if (!this.isInitialized) throw new AppError('notInitialized', 'This pharmacy has not been set up yet.');
    // A locked screen stays locked until someone signs in; an open session is signed out first.
    if (this.unlocked) await this.signOut();
    const key = await unlockWithPassword(readKeyring(this.paths.keyring), req.username, req.password);
    const db = key ? await openDatabase(this.paths.database, key) : null;
    const row = db ? await findActiveUser(db.manager, req.username) : null;
    if (!db || !key || !row) {
      // A slot without an active user (e.g. disabled) gets the same answer as a wrong password.
      if (db) await db.destroy();
      key?.fill(0);
      queueEvent(this.paths.pendingAudit, { username: req.username, action: 'security.signIn', category: 'security', outcome: 'failure', detail: 'wrong username or password' });
      throw new AppError('badCredentials', BAD_CREDENTIALS);
    }
    const resumed = this.locked?.username === row.username;
    await this.open(db, key, toSignedInUser(row));
    await this.audit({ username: row.username, action: resumed ? 'security.unlock' : 'security.signIn', category: 'security', outcome: 'success' });
    return this.unlocked!.user;
  }

  /** Resumes a locked screen with the locked user's own password. */
  async unlock(password: string): Promise<SignedInUser> {
    if (!this.locked) throw new AppError('unauthenticated', 'The screen is not locked. Sign in instead.');
    return this.signIn({ username: this.locked.username, password });
  }

  /** Recovery-code sign-in for a pharmacist who lost their password; they choose a new one. */
  async breakGlass(req: z.output<typeof breakGlassRequest>): Promise<SignedInUser> {
    if (!this.isInitialized) throw new AppError('notInitialized', 'This pharmacy has not been set up yet.');
    if (this.unlocked) await this.signOut();
    const key = await unlockWithRecoveryCode(readKeyring(this.paths.keyring), normalizeRecoveryCode(req.recoveryCode));
    const db = key ? await openDatabase(this.paths.database, key) : null;
    const row = db ? await findActiveUser(db.manager, req.username) : null;
    if (!db || !key || !row || row.role !== 'pharmacist') {
      if (db) {
        await appendAudit(db.manager, { username: req.username, action: 'security.breakGlass', category: 'security', outcome: 'denied', detail: `not an active pharmacist; reason given: ${req.reason}` });
        await db.destroy();
      } else queueEvent(this.paths.pendingAudit, { username: req.username, action: 'security.breakGlass', category: 'security', outcome: 'failure', detail: 'wrong recovery code' });
      key?.fill(0);
      throw new AppError('badCredentials', BAD_RECOVERY);
    }
    await this.writeSlot(db, key, row.username, req.newPassword, false);
    await this.open(db, key, toSignedInUser({ ...row, mustChangePassword: false }));
    await this.audit({ username: row.username, action: 'security.breakGlass', category: 'security', outcome: 'success', detail: `reason: ${req.reason}` });
    return this.unlocked!.user;
  }

  async changeOwnPassword(req: z.output<typeof changeOwnPasswordRequest>): Promise<SignedInUser> {
    const { db, key, user } = this.current();
    const check = await unlockWithPassword(readKeyring(this.paths.keyring), user.username, req.currentPassword);
    if (!check) {
      await this.audit({ username: user.username, action: 'security.changePassword', category: 'security', outcome: 'failure', detail: 'current password wrong' });
      throw new AppError('validation', 'Your current password is not correct.', 'currentPassword', [{ field: 'currentPassword', message: 'Your current password is not correct.' }]);
    }
    check.fill(0);
    const problem = passwordProblem(req.newPassword, user.username);
    if (problem) throw new AppError('validation', problem, 'newPassword', [{ field: 'newPassword', message: problem }]);
    await this.writeSlot(db, key, user.username, req.newPassword, false);
    this.unlocked!.user = { ...user, mustChangePassword: false };
    await this.audit({ username: user.username, action: 'security.changePassword', category: 'security', outcome: 'success' });
    return this.unlocked!.user;
  }

  /**
   * Re-wraps the key for one user and records whether they must change that password, with any
   * other row changes (`within`) in the same transaction. The slow key derivation happens first,
   * outside it; the keyring is written inside, so a failed write rolls the rows back.
   */
  async writeSlot(db: DataSource, key: Buffer, username: string, password: string, mustChange: boolean, within?: (em: EntityManager) => Promise<void>): Promise<void> {
    const next = await withUserSlot(readKeyring(this.paths.keyring), key, username, password);
    await db.transaction(async (em) => {
      if (within) await within(em);
      await em.update(UserEntity, { username }, { mustChangePassword: mustChange });
      writeKeyring(this.paths.keyring, next);
    });
  }

  /** Removes a user's key slot (their password no longer opens the database). */
  removeSlot(username: string): void {
    const keyring = readKeyring(this.paths.keyring);
    writeKeyring(this.paths.keyring, { ...keyring, slots: keyring.slots.filter((s) => !(s.kind === 'user' && s.username === username)) });
  }

  /** Closes the database and wipes the key; only the same user's password (or another sign-in) reopens it. */
  async lock(reason: 'idle' | 'user'): Promise<void> {
    const u = this.unlocked;
    if (!u) return;
    await this.audit({ username: u.user.username, action: 'security.lock', category: 'security', outcome: 'success', detail: reason === 'idle' ? `idle for ${this.idleLockMinutes} min` : 'locked by user' });
    this.locked = { username: u.user.username, fullName: u.user.fullName };
    await this.close();
  }

  async signOut(): Promise<void> {
    const u = this.unlocked;
    if (u) await this.audit({ username: u.user.username, action: 'security.signOut', category: 'security', outcome: 'success' });
    this.locked = null;
    await this.close();
  }

  private async open(db: DataSource, key: Buffer, user: SignedInUser): Promise<void> {
    await flushEvents(this.paths.pendingAudit, db.manager);
    const [pharmacy, settings] = await Promise.all([getPharmacy(db.manager), getSettings(db.manager)]);
    this.idleLockMinutes = settings.idleLockMinutes;
    this.unlocked = { db, key, user, pharmacyName: pharmacy?.name ?? '', idleMs: settings.idleLockMinutes * 60_000 };
    this.locked = null;
    this.touch();
    this.idleTimer = setInterval(() => {
      if (this.unlocked && Date.now() - this.lastActivity >= this.unlocked.idleMs) void this.lock('idle');
    }, IDLE_CHECK_MS);
    this.idleTimer.unref();
  }

  /** Applies a changed idle setting to the running session. */
  setIdleLockMinutes(minutes: number): void {
    this.idleLockMinutes = minutes;
    if (this.unlocked) this.unlocked.idleMs = minutes * 60_000;
  }

  private async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    const u = this.unlocked;
    this.unlocked = null;
    if (!u) return;
    u.key.fill(0);
    if (u.db.isInitialized) await u.db.destroy();
  }
}
