// One pharmacy's data folder and who, if anyone, has it unlocked. The database is open only
// between a successful sign-in (or setup) and sign-out or lock; both close it and wipe the key.
// Sign-in is throttled on disk; the audit trail's anchor (its last row, authenticated with the
// data key) is kept in the keyring and checked at every unlock; re-keying replaces the data key.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { localIsoDate, pharmacyTimeZone, setPharmacyTimeZone } from '../../preload/schemas/dates';
import type { PharmacySettings } from '../../preload/schemas/settings';
import type {
  AppStatus,
  SessionEvent,
  SetupData,
  SetupResult,
  SignedInUser,
  signInRequest,
} from '../../preload/schemas/security';
import type { breakGlassRequest, changeOwnPasswordRequest } from '../../preload/schemas/users';
import { passwordProblem } from '../../preload/schemas/security';
import { DOCUMENT_SETTINGS_DEFAULT, IDLE_LOCK_DEFAULT_MINUTES } from '../../preload/schemas/settings';
import { AppError } from '../common/errors';
import { logFailure } from '../common/log';
import { openDatabase, rawConnection } from '../db/data-source';
import { copyIntoShared, openSharedDatabase } from './shared-database/into-shared';
import type { CopyReport } from '../db/copy-pharmacy';
import type { Row } from '../db/rows';
import { one, run, sql, type Q } from '../db/sql';
import { dataPaths, type DataPaths } from '../db/data-paths';
import { getPharmacy, insertPharmacy } from '../pharmacy/pharmacy-store';
import { getSettings, updateSettings } from '../settings/pharmacy-settings';
import { ALARMS_ACKNOWLEDGED, anchorProblem, appendAudit, openAlarms, type AuditEvent } from './audit/audit-log';
import { flushEvents, queueEvent, type PendingEvent } from './audit/pending-events';
import {
  anchorAuthentic,
  anchorFor,
  createKeyring,
  hasOldSlot,
  keyringExists,
  newDataKey,
  readKeyring,
  rekeyedKeyring,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withUserSlot,
  writeKeyring,
  type Keyring,
  type RekeyPlan,
} from './keyring';
import { assertMayTry, recordFailure, recordSuccess } from './sign-in-throttle';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { findActiveUser, insertUser, toSignedInUser } from './users';
import { serverOf } from './shared-database/connection-errors';
import {
  caFromInput,
  checkedCa,
  checkedUrl,
  readSharedConfig,
  sealedPassword,
  writeSharedConfig,
  type SharedConfig,
  type SharedConnection,
} from './shared-database/shared-config';
import { pullKeyring, pushKeyring } from './shared-database/shared-keyring';
import { fileSealer, type Sealer } from './shared-database/workstation-seal';

export const BAD_CREDENTIALS = 'The username or password is incorrect. Check Caps Lock and try again.';
const BAD_RECOVERY = 'That recovery code, username or reason was not accepted. Check the code and try again.';
/** The throttle's name for recovery-code attempts (not a username anyone can have: usernames are lower case). */
const RECOVERY_THROTTLE = 'Recovery code';
const IDLE_CHECK_MS = 5_000;
// The anchor is written to the keyring at most this often while the database is open (and always at lock and sign-out).
const ANCHOR_FLUSH_MS = 5_000;
/** The audit trail's last row, as the anchor records it. */
type AuditTip = Pick<Row<'audit_log'>, 'id' | 'hash'>;

export interface RekeyResult {
  recoveryCode: string;
  /** Users of the keyring's first format whose slots could not be carried over: they need a new temporary password. */
  dropped: string[];
}

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
  private readonly listeners = new Set<(e: SessionEvent) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The audit trail's last row as last seen, and whether the keyring's copy is behind it. */
  private anchor: { lastId: number; hash: string; written: boolean } | null = null;
  private anchorTimer: NodeJS.Timeout | null = null;
  /** What the last unlock found wrong with the audit trail's anchor, for administrators to see. */
  private integrityProblem: string | null = null;
  /** On a shared server: the version of the keyring last read from it (a write from an older copy is refused). */
  private keyringVersion: number | null = null;

  /** `sealers`: what can open the shared database's password here (the app adds the OS keychain). */
  constructor(
    dataDir: string,
    readonly sealers: readonly Sealer[] = [fileSealer()],
  ) {
    this.paths = dataPaths(dataDir);
  }

  /** The shared database this folder points to, or null for the encrypted file. */
  get shared(): SharedConfig | null {
    return readSharedConfig(this.paths.dataDir);
  }

  /** The pharmacy's database, opened with the data key (a shared server needs no key to open, only to sign in). */
  private async openStore(key: Buffer): Promise<DataSource> {
    const config = this.shared;
    if (!config) return openDatabase(this.paths.database, key);
    return this.openShared(config);
  }

  private openShared(config: Pick<SharedConfig, 'url' | 'ca'>, password?: string): Promise<DataSource> {
    return openSharedDatabase(config, password ?? sealedPassword(this.shared!, this.sealers));
  }

  /** The connection typed for a shared database, checked (URL, CA, password) before anything is tried. */
  private checkedConnection(c: SharedConnection): Pick<SharedConfig, 'url' | 'ca'> {
    if (!c.password)
      throw new AppError('validation', 'Enter the database password.', 'password', [
        { field: 'password', message: 'Enter the database password.' },
      ]);
    return { url: checkedUrl(c.url), ca: checkedCa(caFromInput(c.ca)) };
  }

  /**
   * Points this workstation at a shared pharmacy database: the connection is tried first, then kept
   * (password sealed). With a pharmacy already on the server this workstation signs in next; without,
   * the first-run setup creates it there.
   */
  async connectShared(c: SharedConnection): Promise<AppStatus> {
    if (this.isInitialized)
      throw new AppError('alreadyInitialized', 'This workstation already has its pharmacy. Sign in instead.');
    if (existsSync(this.paths.database))
      throw new AppError(
        'alreadyInitialized',
        `${this.paths.dataDir} holds a pharmacy's own database file. Move it to the shared database with mtm move instead, so nothing is lost.`,
      );
    const config = this.checkedConnection(c);
    const db = await this.openShared(config, c.password);
    try {
      mkdirSync(this.paths.dataDir, { recursive: true, mode: 0o700 });
      writeSharedConfig(this.paths.dataDir, { ...c, ...config }, this.sealers[0]!);
      await pullKeyring(db, this.paths.keyring);
    } finally {
      await db.destroy();
    }
    return this.status();
  }

  /**
   * Moves this folder's pharmacy into an empty shared database (`mtm move`), signed in as an administrator:
   * one transaction on the server, verified (every table's rows, the audit chain to its last hash) before it
   * commits. Then the folder points at the server, and the file is kept beside it as `…moved-DATE`, unused.
   */
  async moveToShared(c: SharedConnection): Promise<CopyReport> {
    const { db, user } = this.current();
    if (this.shared) throw new AppError('alreadyInitialized', 'This pharmacy already works on a shared database.');
    if (!user.isAdmin) throw new AppError('forbidden', 'Only an administrator can move the pharmacy.');
    const config = this.checkedConnection(c);
    const server = await this.openShared(config, c.password);
    let report: CopyReport;
    try {
      // The keyring's anchor is brought to the trail's last row first: the copy carries both as they are.
      await this.anchorAudit();
      report = await copyIntoShared(db, server, readKeyring(this.paths.keyring), this.paths.keyring, {
        username: user.username,
        action: 'security.move',
        category: 'security',
        outcome: 'success',
        detail: `moved from the encrypted file on this computer to ${serverOf(config.url).database} on ${serverOf(config.url).server}`,
      });
    } finally {
      await server.destroy();
    }
    // Nothing more is written to the file: its last audit row is the one the server has.
    this.locked = null;
    await this.close();
    this.emit({ type: 'signedOut' });
    writeSharedConfig(this.paths.dataDir, { ...c, ...config }, this.sealers[0]!);
    const retired = `${this.paths.database}.moved-${localIsoDate(new Date())}`;
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(this.paths.database + suffix)) renameSync(this.paths.database + suffix, retired + suffix);
    return report;
  }

  /** The keyring as it is now: on a shared server, read again from it (another workstation may have changed it). */
  private async freshKeyring(q?: Q): Promise<Keyring> {
    if (!this.shared) return readKeyring(this.paths.keyring);
    const stored = await pullKeyring(q ?? this.current().db, this.paths.keyring);
    if (!stored) throw new AppError('notInitialized', 'No pharmacy has been set up in the shared database yet.');
    this.keyringVersion = stored.version;
    return stored.keyring;
  }

  /** Writes the keyring: the file, or the server's row and this workstation's copy (within `q`'s transaction if given). */
  private async saveKeyring(next: Keyring, q?: Q): Promise<void> {
    if (!this.shared) writeKeyring(this.paths.keyring, next);
    else this.keyringVersion = await pushKeyring(q ?? this.current().db, this.paths.keyring, next, this.keyringVersion);
  }

  /** Subscribes to lock, sign-out and sign-in; returns the unsubscribe. */
  onEvent(listener: (e: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener that fails (a closed stream) must not stop the others or the lock.
      }
    }
  }

  /** Runs changes one at a time: one connection, so an interleaved write would join another's transaction. */
  serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get isInitialized(): boolean {
    return keyringExists(this.paths.keyring);
  }

  status(): AppStatus {
    const shared = this.shared;
    return {
      initialized: this.isInitialized,
      user: this.unlocked?.user ?? null,
      pharmacyName: this.unlocked?.pharmacyName ?? null,
      locked: this.unlocked ? null : this.locked,
      idleLockMinutes: this.idleLockMinutes,
      auditIntegrity: this.unlocked?.user.isAdmin ? this.integrityProblem : null,
      timeZone: pharmacyTimeZone(),
      shared: shared ? serverOf(shared.url) : null,
    };
  }

  /** The integrity alarms in the trail not yet acknowledged (an anchor mismatch, refused waiting entries), or null. */
  auditIntegrity(): string | null {
    return this.integrityProblem;
  }

  /** An administrator has looked into the alarms: recorded with their note, and no longer shown. */
  async acknowledgeAlarms(note: string): Promise<AppStatus> {
    const { user } = this.current();
    if (!this.integrityProblem) throw new AppError('validation', 'There are no audit integrity alarms to acknowledge.');
    await this.audit({
      username: user.username,
      action: ALARMS_ACKNOWLEDGED,
      category: 'security',
      outcome: 'success',
      detail: `${note} — acknowledged: ${this.integrityProblem}`,
    });
    this.integrityProblem = null;
    return this.status();
  }

  /** The open database and the signed-in user, or an `unauthenticated` / `locked` error. */
  current(): { db: DataSource; user: SignedInUser; key: Buffer } {
    if (this.unlocked) return this.unlocked;
    if (this.locked)
      throw new AppError(
        'locked',
        `The screen is locked. ${this.locked.fullName} can enter their password to continue.`,
      );
    throw new AppError('unauthenticated', 'Please sign in to continue.');
  }

  /** Any request or keystroke from the signed-in user postpones the idle lock. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  /** Writes to the audit trail now (the database must be open: events while it is closed go through `queueClosed`). */
  async audit(event: AuditEvent): Promise<void> {
    if (this.unlocked) await appendAudit(this.unlocked.db.manager, event);
  }

  /** A failed sign-in or recovery attempt while the database is closed: authenticated, no patient. */
  private queueClosed(event: PendingEvent): void {
    if (this.isInitialized) queueEvent(this.paths.pendingAudit, readKeyring(this.paths.keyring), event);
  }

  /**
   * Notes the audit trail's last row; the keyring's anchor follows within seconds, and at once on
   * lock, sign-out and re-key. Called after every request.
   */
  async anchorAudit(): Promise<void> {
    const u = this.unlocked;
    if (!u) return;
    const last = await one<AuditTip>(u.db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    if (!last || (this.anchor && this.anchor.lastId === last.id && this.anchor.hash === last.hash)) return;
    this.anchor = { lastId: last.id, hash: last.hash, written: false };
    this.anchorTimer ??= setTimeout(() => {
      this.anchorTimer = null;
      // Still unwritten if this fails: tried again at lock or sign-out. A timer must never take the app down.
      this.writeAnchor().catch((err: unknown) => logFailure('audit anchor', err));
    }, ANCHOR_FLUSH_MS).unref();
  }

  private async writeAnchor(): Promise<void> {
    const u = this.unlocked;
    const anchor = this.anchor;
    if (!u || !anchor || anchor.written) return;
    // A shared keyring another workstation wrote meanwhile (its own anchor) is read again and the write retried.
    for (let attempt = 1; ; attempt++) {
      const keyring = await this.freshKeyring(u.db);
      // Another workstation replaced the data key: an anchor under the old one would read as tampering.
      if (keyring.auditAnchor && !anchorAuthentic(u.key, keyring, keyring.auditAnchor)) return;
      try {
        await this.saveKeyring(
          { ...keyring, auditAnchor: anchorFor(u.key, keyring, anchor.lastId, anchor.hash) },
          u.db,
        );
        break;
      } catch (err) {
        if (attempt === 3 || !(err instanceof AppError && err.code === 'conflict')) throw err;
      }
    }
    anchor.written = true;
  }

  async setup(req: SetupData): Promise<SetupResult> {
    if (this.isInitialized)
      throw new AppError('alreadyInitialized', 'This pharmacy is already set up. Sign in instead.');
    const shared = this.shared;
    if (!shared && existsSync(this.paths.database)) {
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
      const keyring = await createKeyring(
        key,
        { username: req.account.username, password: req.account.password },
        recoveryCode,
      );
      db = await this.openStore(key);
      if (shared && (await getPharmacy(db.manager)))
        throw new AppError(
          'alreadyInitialized',
          'A pharmacy is already set up in the shared database. Sign in instead.',
        );
      const userRow = await db.transaction(async (em) => {
        await insertPharmacy(em, req.pharmacy);
        const row = await insertUser(em, {
          username: req.account.username,
          fullName: req.account.fullName,
          role: 'pharmacist',
          isAdmin: true,
        });
        // The patient letter's contact details, when given at setup (the rest keeps its defaults).
        if (req.contact)
          await updateSettings(em, { documents: { ...DOCUMENT_SETTINGS_DEFAULT, ...req.contact } }, row.username);
        await appendAudit(em, {
          username: row.username,
          action: 'security.setup',
          category: 'security',
          outcome: 'success',
          detail: `pharmacy "${req.pharmacy.name}" created`,
        });
        // On a shared server the keyring commits with the pharmacy (a second workstation setting up at once fails).
        if (shared) await this.saveKeyring(keyring, em);
        return row;
      });
      // The keyring is written last: until it exists the pharmacy is not set up, and a failed setup can be retried.
      if (!shared) writeKeyring(this.paths.keyring, keyring);
      await this.open(db, key, toSignedInUser(userRow), true);
      // From the first row on, the keyring anchors the trail (a keyring without an anchor is then a sign of tampering).
      await this.writeAnchor();
      return { recoveryCode, user: toSignedInUser(userRow) };
    } catch (err) {
      if (db?.isInitialized) await db.destroy();
      key.fill(0);
      if (!shared) for (const suffix of ['', '-wal', '-shm']) rmSync(this.paths.database + suffix, { force: true });
      throw err;
    }
  }

  async signIn(req: z.output<typeof signInRequest>): Promise<SignedInUser> {
    if (!this.isInitialized) throw new AppError('notInitialized', 'This pharmacy has not been set up yet.');
    // Waiting after too many wrong passwords: refused before any key derivation.
    assertMayTry(this.paths.signInThrottle, req.username);
    // The credentials are checked first; whoever is signed in stays until they are good.
    const opened = await this.openWith((keyring) => unlockWithPassword(keyring, req.username, req.password));
    const row = opened ? await findActiveUser(opened.db.manager, req.username) : null;
    if (!opened || !row) {
      // A slot without an active user (e.g. disabled) gets the same answer as a wrong password.
      if (opened) {
        await opened.db.destroy();
        opened.key.fill(0);
      }
      recordFailure(this.paths.signInThrottle, req.username);
      if (this.unlocked)
        await this.audit({
          username: req.username,
          action: 'security.signIn',
          category: 'security',
          outcome: 'failure',
          detail: 'wrong username or password',
        });
      else
        this.queueClosed({ username: req.username, action: 'security.signIn', detail: 'wrong username or password' });
      throw new AppError('badCredentials', BAD_CREDENTIALS);
    }
    recordSuccess(this.paths.signInThrottle, req.username);
    if (this.unlocked) await this.signOut();
    const resumed = this.locked?.username === row.username;
    await this.open(opened.db, opened.key, toSignedInUser(row));
    // The first format's slot is replaced now that the password is at hand (it could not be re-keyed);
    // after open, so the waiting events were read under the keyring they were written for.
    const keyring = await this.freshKeyring();
    if (hasOldSlot(keyring, row.username)) {
      await this.saveKeyring(await withUserSlot(keyring, opened.key, row.username, req.password));
      await this.writeAnchor();
    }
    await this.audit({
      username: row.username,
      action: resumed ? 'security.unlock' : 'security.signIn',
      category: 'security',
      outcome: 'success',
    });
    return this.unlocked!.user;
  }

  /**
   * The data key from the keyring (or from one a re-key left half in place) and the database it
   * opens. A re-key writes the next keyring before re-encrypting: whichever of the two opens the
   * database is the current one, and the other is cleared away.
   */
  private async openWith(
    unlock: (keyring: Keyring) => Promise<Buffer | null>,
  ): Promise<{ db: DataSource; key: Buffer } | null> {
    const shared = this.shared;
    if (shared) return this.openSharedWith(shared, unlock);
    const candidates = existsSync(this.paths.keyringNext)
      ? [this.paths.keyringNext, this.paths.keyring]
      : [this.paths.keyring];
    for (const file of candidates) {
      const key = await unlock(readKeyring(file));
      if (!key) continue;
      try {
        const db = await openDatabase(this.paths.database, key);
        if (file === this.paths.keyringNext) renameSync(this.paths.keyringNext, this.paths.keyring);
        else rmSync(this.paths.keyringNext, { force: true });
        return { db, key };
      } catch (err) {
        key.fill(0);
        if (!(err instanceof AppError) || candidates.length === 1 || file === this.paths.keyring) throw err;
      }
    }
    return null;
  }

  /** On a shared server the keyring is read from it first (an account may have been made at another workstation). */
  private async openSharedWith(
    config: SharedConfig,
    unlock: (keyring: Keyring) => Promise<Buffer | null>,
  ): Promise<{ db: DataSource; key: Buffer } | null> {
    const db = await this.openShared(config);
    try {
      const key = await unlock(await this.freshKeyring(db));
      if (key) return { db, key };
    } catch (err) {
      await db.destroy();
      throw err;
    }
    await db.destroy();
    return null;
  }

  /** Resumes a locked screen with the locked user's own password. */
  async unlock(password: string): Promise<SignedInUser> {
    if (!this.locked) throw new AppError('unauthenticated', 'The screen is not locked. Sign in instead.');
    return this.signIn({ username: this.locked.username, password });
  }

  /** Recovery-code sign-in for a pharmacist who lost their password; they choose a new one. */
  async breakGlass(req: z.output<typeof breakGlassRequest>): Promise<SignedInUser> {
    if (!this.isInitialized) throw new AppError('notInitialized', 'This pharmacy has not been set up yet.');
    // The recovery code is throttled like a password (one counter for it, whatever username is typed).
    assertMayTry(this.paths.signInThrottle, RECOVERY_THROTTLE);
    const opened = await this.openWith((keyring) =>
      unlockWithRecoveryCode(keyring, normalizeRecoveryCode(req.recoveryCode)),
    );
    const row = opened ? await findActiveUser(opened.db.manager, req.username) : null;
    if (!opened || !row || row.role !== 'pharmacist') {
      if (opened) {
        await appendAudit(opened.db.manager, {
          username: req.username,
          action: 'security.breakGlass',
          category: 'security',
          outcome: 'denied',
          detail: `not an active pharmacist; reason given: ${req.reason}`,
        });
        await opened.db.destroy();
        opened.key.fill(0);
      } else {
        recordFailure(this.paths.signInThrottle, RECOVERY_THROTTLE);
        if (this.unlocked)
          await this.audit({
            username: req.username,
            action: 'security.breakGlass',
            category: 'security',
            outcome: 'failure',
            detail: 'wrong recovery code',
          });
        else this.queueClosed({ username: req.username, action: 'security.breakGlass', detail: 'wrong recovery code' });
      }
      throw new AppError('badCredentials', BAD_RECOVERY);
    }
    recordSuccess(this.paths.signInThrottle, RECOVERY_THROTTLE);
    if (this.unlocked) await this.signOut();
    const { db, key } = opened;
    await this.writeSlot(db, key, row.username, req.newPassword, false);
    await this.open(db, key, toSignedInUser({ ...row, must_change_password: 0 }));
    await this.audit({
      username: row.username,
      action: 'security.breakGlass',
      category: 'security',
      outcome: 'success',
      detail: `reason: ${req.reason}`,
    });
    return this.unlocked!.user;
  }

  async changeOwnPassword(req: z.output<typeof changeOwnPasswordRequest>): Promise<SignedInUser> {
    const { db, key, user } = this.current();
    const check = await unlockWithPassword(await this.freshKeyring(db), user.username, req.currentPassword);
    if (!check) {
      await this.audit({
        username: user.username,
        action: 'security.changePassword',
        category: 'security',
        outcome: 'failure',
        detail: 'current password wrong',
      });
      throw new AppError('validation', 'Your current password is not correct.', 'currentPassword', [
        { field: 'currentPassword', message: 'Your current password is not correct.' },
      ]);
    }
    check.fill(0);
    const problem = passwordProblem(req.newPassword, user.username);
    if (problem) throw new AppError('validation', problem, 'newPassword', [{ field: 'newPassword', message: problem }]);
    await this.writeSlot(db, key, user.username, req.newPassword, false);
    this.unlocked!.user = { ...user, mustChangePassword: false };
    await this.audit({
      username: user.username,
      action: 'security.changePassword',
      category: 'security',
      outcome: 'success',
    });
    return this.unlocked!.user;
  }

  /**
   * Re-wraps the key for one user and records whether they must change that password, with any
   * other row changes (`within`) in the same transaction. The slow key derivation happens first,
   * outside it; the keyring is written inside, so a failed write rolls the rows back.
   */
  async writeSlot(
    db: DataSource,
    key: Buffer,
    username: string,
    password: string,
    mustChange: boolean,
    within?: (em: EntityManager) => Promise<void>,
  ): Promise<void> {
    const next = await withUserSlot(await this.freshKeyring(db), key, username, password);
    await db.transaction(async (em) => {
      if (within) await within(em);
      await run(em, sql`UPDATE users SET must_change_password = ${mustChange ? 1 : 0} WHERE username = ${username}`);
      await this.saveKeyring(next, em);
    });
  }

  /**
   * Replaces the data key: the database re-encrypted under a new key (PRAGMA rekey), the new key
   * sealed to every remaining slot, a new recovery code (returned: shown once). Done when a user is
   * disabled and offered after a password change, so an old keyring or backup and an old password
   * no longer open today's data. The next keyring is written first; if the process dies between the
   * two steps, the next sign-in finds which keyring opens the database (openWith). A shared server is
   * not encrypted by the app: there the new keyring is the whole change (backups and the anchor use the key).
   */
  async rekey(reason: string, plan: Omit<RekeyPlan, 'recoveryCode'>): Promise<RekeyResult> {
    const u = this.current();
    const keyring = await this.freshKeyring();
    // Events sealed to the old pending key are moved into the trail before that key goes.
    await u.db.transaction((em) => flushEvents(this.paths.pendingAudit, keyring, u.key, em));
    const recoveryCode = newRecoveryCode();
    const newKey = newDataKey();
    const { keyring: next, dropped } = await rekeyedKeyring(keyring, newKey, { ...plan, recoveryCode });
    const last = await one<AuditTip>(u.db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    const anchored = last ? { ...next, auditAnchor: anchorFor(newKey, next, last.id, last.hash) } : next;
    if (this.shared) await this.saveKeyring(anchored);
    else this.reencrypt(u.db, anchored, newKey);
    u.key.fill(0);
    this.unlocked!.key = newKey;
    this.anchor = last ? { lastId: last.id, hash: last.hash, written: true } : null;
    await appendAudit(u.db.manager, {
      username: u.user.username,
      action: 'security.rekey',
      category: 'security',
      outcome: 'success',
      detail: `${reason}; new recovery code issued${dropped.length ? `; slots of the first format not carried over: ${dropped.join(', ')}` : ''}`,
    });
    await this.anchorAudit();
    await this.writeAnchor();
    return { recoveryCode, dropped };
  }

  /** The encrypted file under `newKey`, its keyring put in place after. */
  private reencrypt(db: DataSource, next: Keyring, newKey: Buffer): void {
    writeKeyring(this.paths.keyringNext, next);
    const raw = rawConnection(db);
    // SQLite3 Multiple Ciphers re-keys only outside WAL mode: checkpoint, switch, re-key, switch back.
    // Leaving WAL needs the only connection: with the database open elsewhere nothing is changed.
    raw.pragma('wal_checkpoint(TRUNCATE)');
    let mode: unknown;
    try {
      mode = raw.pragma('journal_mode = DELETE', { simple: true });
    } catch {
      mode = 'busy';
    }
    if (mode !== 'delete') {
      rmSync(this.paths.keyringNext, { force: true });
      newKey.fill(0);
      throw new AppError(
        'conflict',
        'The data key cannot be replaced while MTM Desk (or mtm) has this database open elsewhere. Close it there and try again.',
      );
    }
    raw.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    raw.pragma('journal_mode = WAL');
    renameSync(this.paths.keyringNext, this.paths.keyring);
  }

  /** Closes the database and wipes the key; only the same user's password (or another sign-in) reopens it. */
  async lock(reason: 'idle' | 'user'): Promise<void> {
    const u = this.unlocked;
    if (!u) return;
    await this.audit({
      username: u.user.username,
      action: 'security.lock',
      category: 'security',
      outcome: 'success',
      detail: reason === 'idle' ? `idle for ${this.idleLockMinutes} min` : 'locked by user',
    });
    this.locked = { username: u.user.username, fullName: u.user.fullName };
    await this.close();
    this.emit({ type: 'locked', reason, username: u.user.username, fullName: u.user.fullName });
  }

  async signOut(): Promise<void> {
    const u = this.unlocked;
    if (u)
      await this.audit({
        username: u.user.username,
        action: 'security.signOut',
        category: 'security',
        outcome: 'success',
      });
    this.locked = null;
    await this.close();
    if (u) this.emit({ type: 'signedOut' });
  }

  /** `fresh`: a database just made (setup), with no anchor yet to check. */
  private async open(db: DataSource, key: Buffer, user: SignedInUser, fresh = false): Promise<void> {
    const keyring = readKeyring(this.paths.keyring);
    await db.transaction((em) => flushEvents(this.paths.pendingAudit, keyring, key, em));
    const anchor = fresh ? null : await anchorProblem(db.manager, key, keyring);
    if (anchor)
      await appendAudit(db.manager, {
        username: user.username,
        action: 'audit.anchorMismatch',
        category: 'security',
        outcome: 'failure',
        detail: anchor,
      });
    this.integrityProblem = await openAlarms(db.manager);
    const [pharmacy, settings] = await Promise.all([getPharmacy(db.manager), getSettings(db.manager)]);
    this.idleLockMinutes = settings.idleLockMinutes;
    setPharmacyTimeZone(settings.timeZone);
    this.unlocked = { db, key, user, pharmacyName: pharmacy?.name ?? '', idleMs: settings.idleLockMinutes * 60_000 };
    this.locked = null;
    this.touch();
    this.idleTimer = setInterval(() => {
      if (this.unlocked && Date.now() - this.lastActivity >= this.unlocked.idleMs)
        void this.serialized(() => this.lock('idle'));
    }, IDLE_CHECK_MS);
    this.idleTimer.unref();
    await this.anchorAudit();
    this.emit({ type: 'signedIn', username: user.username });
  }

  /** Applies changed settings (idle time, time zone) to the running session and tells the screen. */
  applySettings(settings: Pick<PharmacySettings, 'idleLockMinutes' | 'timeZone'>): void {
    this.idleLockMinutes = settings.idleLockMinutes;
    if (this.unlocked) this.unlocked.idleMs = settings.idleLockMinutes * 60_000;
    setPharmacyTimeZone(settings.timeZone);
    this.emit({ type: 'settingsChanged' });
  }

  private async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    if (this.anchorTimer) clearTimeout(this.anchorTimer);
    this.anchorTimer = null;
    // The anchor follows the trail to its last row before the key is wiped.
    await this.anchorAudit();
    await this.writeAnchor();
    this.anchor = null;
    const u = this.unlocked;
    this.unlocked = null;
    if (!u) return;
    u.key.fill(0);
    if (u.db.isInitialized) await u.db.destroy();
  }
}
