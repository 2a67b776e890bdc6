// Backups across backends: a shared database's backup is the same encrypted file as any other and restores onto
// this computer; a file pharmacy's backup restores onto an empty shared database. Both sign in with every record.
import { describe, expect, it } from 'vitest';
import { one, sql } from '../../main/db/sql';
import { createBackup, restoreBackup } from '../../main/security/backup/backups';
import { Session } from '../../main/security/session';
import { FILE_ONLY } from '../helpers/backend';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { call, newPharmacy, PASSWORD, patient, SETUP, tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres({ tls: true });

async function emptyShared() {
  process.env.XDG_CONFIG_HOME ??= tempDir();
  const url = new URL(await server.newDatabase());
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), password, ca: server.ca! };
}

async function addPatients(session: Session, n: number) {
  for (let i = 0; i < n; i++)
    await call(session, 'patients:create', {
      patient: patient({ lastName: `Moreno${'x'.repeat(i)}`, mbi: undefined }),
    });
}

/** Signs in on `dataDir` and answers its patient count, whether it is shared, and its last audit action. */
async function signedInView(dataDir: string) {
  const session = new Session(dataDir);
  await session.signIn({ username: SETUP.account.username, password: PASSWORD });
  try {
    const { db } = session.current();
    return {
      shared: session.status().shared !== null,
      patients: (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM patients`))!.n,
      restored: (await one<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM audit_log WHERE action = 'backup.restore'`,
      ))!.n,
      integrity: session.auditIntegrity(),
    };
  } finally {
    await session.signOut();
  }
}

describe.skipIf(noPostgres)('backups across backends', FILE_ONLY, () => {
  it('restores a shared database backup onto this computer, and a file backup onto an empty shared database', async () => {
    // From the server to a file.
    const onServer = new Session(tempDir());
    await onServer.connectShared(await emptyShared());
    await onServer.setup(SETUP);
    await addPatients(onServer, 4);
    const fromServer = await createBackup(onServer, tempDir());
    await onServer.signOut();
    expect(fromServer.counts.patients).toBe(4);
    const fileDir = tempDir();
    await restoreBackup({ file: fromServer.file, username: SETUP.account.username, password: PASSWORD }, fileDir);
    expect(await signedInView(fileDir)).toEqual({ shared: false, patients: 4, restored: 1, integrity: null });

    // From a file to an empty server; a server that already holds a pharmacy is refused.
    const { session: onFile } = await newPharmacy();
    await addPatients(onFile, 3);
    const fromFile = await createBackup(onFile, tempDir());
    await onFile.signOut();
    const sharedDir = tempDir();
    const target = await emptyShared();
    await new Session(sharedDir).connectShared(target);
    const report = await restoreBackup(
      { file: fromFile.file, username: SETUP.account.username, password: PASSWORD },
      sharedDir,
    );
    expect(report.counts.patients).toBe(3);
    expect(await signedInView(sharedDir)).toEqual({ shared: true, patients: 3, restored: 1, integrity: null });
    const late = tempDir();
    await new Session(late).connectShared(target);
    await expect(
      restoreBackup({ file: fromFile.file, username: SETUP.account.username, password: PASSWORD }, late),
    ).rejects.toMatchObject({ code: 'alreadyInitialized' });
    expect(await signedInView(sharedDir)).toMatchObject({ patients: 3, restored: 1 });
  });
});
