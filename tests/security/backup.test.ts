import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { createPatient } from '../../main/patients/patient-store';
import { AUTO_PREFIX, runAutoBackupIfDue } from '../../main/security/backup/auto-backup';
import { createBackup, listBackups, restoreBackup } from '../../main/security/backup/backups';
import { Session } from '../../main/security/session';
import { getSettings } from '../../main/settings/pharmacy-settings';
import { newPharmacy, PASSWORD, patient, tempDir } from '../helpers/temp-pharmacy';

async function pharmacyWithPatients(n: number) {
  const ctx = await newPharmacy();
  const { db, user } = ctx.session.current();
  for (let i = 0; i < n; i++)
    await createPatient(
      db,
      user,
      patient({ firstName: `Ottoline${i}`, lastName: 'Featherstonehaugh', mbi: undefined, allergies: [] }),
      false,
    );
  return ctx;
}

describe('backup and restore', () => {
  it('backs up while in use into an encrypted file, and restores with a password or the recovery code', async () => {
    const { session, recoveryCode } = await pharmacyWithPatients(3);
    const folder = tempDir();
    const result = await dispatch(session, 'backup:create', { folder });
    expect(result.ok).toBe(true);
    const backup = result.ok ? (result.data as { file: string; counts: { patients: number } }) : null;
    expect(backup!.counts.patients).toBe(3);
    // Work goes on after the backup; the backup keeps its own moment.
    await createPatient(
      session.current().db,
      session.current().user,
      patient({ firstName: 'Later', lastName: 'Addition', mbi: undefined }),
      false,
    );

    const bytes = readFileSync(backup!.file);
    expect(bytes.subarray(0, 17).toString()).toBe('MTMDESK-BACKUP-1\n');
    for (const needle of ['Featherstonehaugh', 'Ottoline', 'SQLite format 3', 'CREATE TABLE'])
      expect(bytes.includes(needle), needle).toBe(false);
    expect(listBackups(folder).map((b) => b.name)).toEqual([backup!.file.split('/').at(-1)]);

    const withPassword = tempDir();
    expect(
      await restoreBackup({ file: backup!.file, username: 'pharmacist1', password: PASSWORD }, withPassword),
    ).toMatchObject({ integrity: 'ok', counts: { patients: 3, users: 1 } });
    const withCode = join(tempDir(), 'fresh');
    expect(await restoreBackup({ file: backup!.file, recoveryCode }, withCode)).toMatchObject({
      integrity: 'ok',
      counts: { patients: 3 },
    });

    const restored = new Session(withPassword);
    await restored.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(await dispatch(restored, 'patients:search', { query: 'Feather' })).toMatchObject({
      ok: true,
      data: { patients: { length: 3 } },
    });
    expect(await dispatch(restored, 'patients:search', { query: 'Addition' })).toMatchObject({
      ok: true,
      data: { patients: [] },
    });
    await restored.signOut();
    await session.signOut();
  });

  it('refuses a wrong password, a damaged file and a folder that already holds a pharmacy, writing nothing', async () => {
    const { session, dataDir } = await pharmacyWithPatients(1);
    const { file } = await createBackup(session, tempDir());
    await session.signOut();

    const empty = tempDir();
    await expect(
      restoreBackup({ file, username: 'pharmacist1', password: 'not the password!' }, empty),
    ).rejects.toMatchObject({ code: 'badCredentials' });
    const damaged = join(tempDir(), 'damaged.mtmbackup');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(damaged, bytes);
    await expect(restoreBackup({ file: damaged, username: 'pharmacist1', password: PASSWORD }, empty)).rejects.toThrow(
      /damaged or incomplete/,
    );
    expect(readdirSync(empty)).toEqual([]);
    await expect(restoreBackup({ file, username: 'pharmacist1', password: PASSWORD }, dataDir)).rejects.toMatchObject({
      code: 'alreadyInitialized',
    });
  });

  it('takes the daily backup once a day when enabled, keeps the newest 14, and records its status', async () => {
    const { session } = await pharmacyWithPatients(1);
    const folder = tempDir();
    expect(await runAutoBackupIfDue(session)).toBeNull(); // off by default
    await dispatch(session, 'settings:update', { autoBackup: { enabled: true, folder } });

    const day0 = Date.parse('2026-11-01T09:00:00Z');
    const first = await runAutoBackupIfDue(session, new Date(day0));
    expect(first).toMatchObject({ ok: true });
    expect(await runAutoBackupIfDue(session, new Date(day0 + 3 * 3600_000))).toBeNull(); // not due again the same day
    for (let d = 1; d <= 15; d++) await runAutoBackupIfDue(session, new Date(day0 + d * 24 * 3600_000));

    const kept = listBackups(folder).filter((b) => b.name.startsWith(AUTO_PREFIX));
    expect(kept).toHaveLength(14);
    expect(kept[0]!.name).toBe(`${AUTO_PREFIX}-20261116-090000.mtmbackup`);
    expect(kept.at(-1)!.name).toBe(`${AUTO_PREFIX}-20261103-090000.mtmbackup`);
    const status = (await getSettings(session.current().db.manager)).lastAutoBackup;
    expect(status).toMatchObject({ ok: true, at: '2026-11-16T09:00:00.000Z' });

    // A folder that cannot be used is refused when the setting is saved, and the setting kept as it was.
    writeFileSync(join(folder, 'blocker'), 'x');
    expect(
      await dispatch(session, 'settings:update', {
        autoBackup: { enabled: true, folder: join(folder, 'blocker', 'sub') },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        field: 'folder',
        message: expect.stringMatching(/^Backups cannot go to .*: .*blocker is a file, not a folder\.$/),
      },
    });
    expect((await getSettings(session.current().db.manager)).autoBackup).toEqual({ enabled: true, folder });
    // One that stops working later gives a visible failure, not silence.
    const later = join(tempDir(), 'usb-drive');
    await dispatch(session, 'settings:update', { autoBackup: { enabled: true, folder: later } });
    rmSync(later, { recursive: true });
    writeFileSync(later, 'not a folder any more');
    expect(await runAutoBackupIfDue(session, new Date(day0 + 20 * 24 * 3600_000))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is a file, not a folder/),
    });
    await session.signOut();
  });

  it('takes backups only into a full path outside the system folders, creating at most the last folder', async () => {
    const { session } = await pharmacyWithPatients(1);
    const base = tempDir();
    const refusals: [string, RegExp][] = [
      ['backups', /enter the full path of the folder/],
      ['../backups', /enter the full path of the folder/],
      ['/proc/self/backups', /it is a system folder/],
      ['/sys/kernel/backups', /it is a system folder/],
      [join(base, 'no-such-drive', 'backups'), /the folder .*no-such-drive does not exist/],
    ];
    for (const [folder, why] of refusals) {
      const result = await dispatch(session, 'backup:create', { folder });
      expect(result, folder).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'folder', message: expect.stringMatching(why) },
      });
    }
    // A link that leads into /proc is no way round it.
    symlinkSync('/proc/self', join(base, 'innocent'));
    expect(await dispatch(session, 'backup:create', { folder: join(base, 'innocent', 'backups') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/system folder/) },
    });
    expect(readdirSync(base)).toEqual(['innocent']);
    // The last folder is made (private to the pharmacy's account).
    const made = await dispatch(session, 'backup:create', { folder: join(base, 'backups') });
    expect(made).toMatchObject({ ok: true });
    expect(statSync(join(base, 'backups')).mode & 0o777).toBe(0o700);
    await session.signOut();
  });
});
