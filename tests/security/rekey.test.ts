// Re-keying: after a user is disabled (or an administrator asks), neither an old keyring file nor an
// old backup, with a password that opened it then, opens today's database.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { dispatch } from '../../main/bridge/dispatch';
import { openDatabase } from '../../main/db/data-source';
import type { Row } from '../../main/db/rows';
import { one, sql } from '../../main/db/sql';
import { decodeBackup } from '../../main/security/backup/backup-file';
import { createBackup } from '../../main/security/backup/backups';
import { parseKeyring, readKeyring, unlockWithPassword, unlockWithRecoveryCode } from '../../main/security/keyring';
import { normalizeRecoveryCode } from '../../main/security/recovery-code';
import { Session } from '../../main/security/session';
import { mtm } from '../helpers/mtm-cli';
import { rawOpen } from '../helpers/raw-database';
import {
  addTechnician,
  newPharmacy,
  PASSWORD,
  signInAsTechnician,
  TECH_OWN_PASSWORD,
  tempDir,
} from '../helpers/temp-pharmacy';

/** Whether a data key opens the live database file. */
async function opens(file: string, key: Buffer | null): Promise<boolean> {
  if (!key) return false;
  try {
    await (await openDatabase(file, key)).destroy();
    return true;
  } catch {
    return false;
  }
}

describe('re-keying', FILE_ONLY, () => {
  it('after a user is disabled, an old keyring or backup with an old password no longer opens the live database', async () => {
    const { session, dataDir, recoveryCode } = await newPharmacy();
    await addTechnician(session);
    await signInAsTechnician(session);
    await session.signOut();
    await session.signIn({ username: 'pharmacist1', password: PASSWORD });
    const oldKeyring = tempDir() + '/keyring.json';
    copyFileSync(session.paths.keyring, oldKeyring);
    const oldBackup = await createBackup(session, tempDir());

    const disabled = await dispatch(session, 'users:disable', { username: 'tech1' });
    expect(disabled.ok).toBe(true);
    const newCode = (disabled.ok &&
      (disabled.data as { rekey: { recoveryCode: string } }).rekey.recoveryCode) as string;
    await session.signOut();

    const db = session.paths.database;
    // The disabled user's and the remaining user's old slots, from the old keyring file and from the backup.
    expect(await opens(db, await unlockWithPassword(readKeyring(oldKeyring), 'tech1', TECH_OWN_PASSWORD))).toBe(false);
    expect(await opens(db, await unlockWithPassword(readKeyring(oldKeyring), 'pharmacist1', PASSWORD))).toBe(false);
    const backupKeyring = parseKeyring(decodeBackup(oldBackup.file).header.keyring, 'damaged');
    expect(await opens(db, await unlockWithPassword(backupKeyring, 'pharmacist1', PASSWORD))).toBe(false);
    expect(
      await opens(db, await unlockWithRecoveryCode(readKeyring(oldKeyring), normalizeRecoveryCode(recoveryCode))),
    ).toBe(false);
    // Today's keyring: the remaining user and the new recovery code open it; the disabled user and the old code do not.
    const live = readKeyring(session.paths.keyring);
    expect(await opens(db, await unlockWithPassword(live, 'pharmacist1', PASSWORD))).toBe(true);
    expect(await unlockWithPassword(live, 'tech1', TECH_OWN_PASSWORD)).toBeNull();
    expect(await unlockWithRecoveryCode(live, normalizeRecoveryCode(recoveryCode))).toBeNull();
    expect(await opens(db, await unlockWithRecoveryCode(live, normalizeRecoveryCode(newCode)))).toBe(true);

    const again = new Session(dataDir);
    await again.signIn({ username: 'pharmacist1', password: PASSWORD });
    const row = await one<Pick<Row<'audit_log'>, 'detail'>>(
      again.current().db,
      sql`SELECT detail FROM audit_log WHERE action = 'security.rekey'`,
    );
    expect(row!.detail).toBe('tech1 disabled; new recovery code issued');
    expect(again.auditIntegrity()).toBeNull();
    await again.signOut();
  });

  it('mtm rekey replaces the key for an administrator only, and prints the new recovery code', async () => {
    const { session, dataDir } = await newPharmacy();
    await addTechnician(session);
    await signInAsTechnician(session);
    await session.signOut();
    const before = readFileSync(session.paths.keyring, 'utf8');

    const tech = mtm(['rekey', '--data', dataDir, '--user', 'tech1'], { stdin: `${TECH_OWN_PASSWORD}\n` });
    expect(tech.code).not.toBe(0);
    expect(tech.stderr).toContain('Only an administrator can replace the data key.');
    expect(readKeyring(session.paths.keyring).keyId).toBe(JSON.parse(before).keyId); // the same data key

    const run = mtm(['rekey', '--data', dataDir, '--user', 'pharmacist1', '--reason', 'laptop stolen'], {
      stdin: `${PASSWORD}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/New recovery code .*\n {2}([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    const oldKey = await unlockWithPassword(JSON.parse(before), 'pharmacist1', PASSWORD);
    expect(await opens(session.paths.database, oldKey)).toBe(false);
    // Both users still sign in with their own passwords.
    for (const [username, password] of [
      ['pharmacist1', PASSWORD],
      ['tech1', TECH_OWN_PASSWORD],
    ] as const) {
      const s = new Session(dataDir);
      await s.signIn({ username, password });
      await s.signOut();
    }
  });

  it('a re-key cut short (next keyring written; database re-keyed or not) opens with whichever key is right', async () => {
    const { session, dataDir } = await newPharmacy();
    const oldKeyring = readFileSync(session.paths.keyring, 'utf8');
    await session.rekey('test', {});
    const newKeyring = readFileSync(session.paths.keyring, 'utf8');
    await session.signOut();

    // Died after PRAGMA rekey, before the rename: the next keyring is the one that opens.
    writeFileSync(session.paths.keyring, oldKeyring);
    writeFileSync(session.paths.keyringNext, newKeyring);
    const a = new Session(dataDir);
    await a.signIn({ username: 'pharmacist1', password: PASSWORD });
    await a.signOut();
    expect(existsSync(session.paths.keyringNext)).toBe(false);
    expect(readKeyring(session.paths.keyring).keyId).toBe(JSON.parse(newKeyring).keyId);

    // Died before PRAGMA rekey: the next keyring does not open the file and is cleared away.
    const current = readFileSync(session.paths.keyring, 'utf8');
    writeFileSync(session.paths.keyringNext, oldKeyring);
    const b = new Session(dataDir);
    await b.signIn({ username: 'pharmacist1', password: PASSWORD });
    await b.signOut();
    expect(existsSync(session.paths.keyringNext)).toBe(false);
    expect(readKeyring(session.paths.keyring).keyId).toBe(JSON.parse(current).keyId);
  });

  it('is refused, changing nothing, while the database is open elsewhere', async () => {
    const { session } = await newPharmacy();
    const other = await rawOpen(session);
    other.prepare('SELECT count(*) FROM audit_log').get();
    const before = readFileSync(session.paths.keyring, 'utf8');
    await expect(session.rekey('test', {})).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/open elsewhere/),
    });
    other.close();
    expect(readFileSync(session.paths.keyring, 'utf8')).toBe(before);
    expect(existsSync(session.paths.keyringNext)).toBe(false);
    expect(await dispatch(session, 'patients:search', { query: 'a' })).toMatchObject({ ok: true });
    expect((await session.rekey('retry', {})).recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await session.signOut();
  });
});
