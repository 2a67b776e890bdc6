// `mtm move`: a single-workstation pharmacy into an empty shared database over verified TLS, checked before it
// commits; the folder then works on the server and the old file is kept aside, unused.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, one, sql } from '../../main/db/sql';
import { fillDemoPharmacy } from '../../main/demo/demo-pharmacy';
import { verifyAuditChain } from '../../main/security/audit/audit-log';
import { Session } from '../../main/security/session';
import { localIsoDate } from '../../preload/schemas/dates';
import { FILE_ONLY } from '../helpers/backend';
import { mtm } from '../helpers/mtm-cli';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { newPharmacy, PASSWORD, SETUP, tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres({ tls: true });

/** A new database on the test server: the URL without its password, the password, and the CA in a file. */
async function target() {
  const url = new URL(await server.newDatabase());
  const password = decodeURIComponent(url.password);
  url.password = '';
  const caFile = join(tempDir(), 'server-ca.pem');
  writeFileSync(caFile, server.ca!);
  return { url: url.toString(), password, caFile };
}

/** The folder still works on its own file, with every patient, and has no shared connection. */
async function stillOnFile(dataDir: string, patients: number) {
  expect(existsSync(join(dataDir, 'shared-database.json'))).toBe(false);
  const session = new Session(dataDir);
  await session.signIn({ username: SETUP.account.username, password: PASSWORD });
  try {
    expect(session.status().shared).toBeNull();
    const { db } = session.current();
    expect((await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM patients`))!.n).toBe(patients);
  } finally {
    await session.signOut();
  }
}

async function filePharmacy(patients: number) {
  const { session, dataDir } = await newPharmacy();
  const { db, user } = session.current();
  await fillDemoPharmacy(db, user, { patients, seed: 3, reviews: 3 });
  const count = (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM patients`))!.n;
  await session.signOut();
  return { dataDir, count };
}

describe.skipIf(noPostgres)('mtm move', FILE_ONLY, () => {
  it('moves the pharmacy, verified, and the folder then signs in on the server', async () => {
    const { dataDir, count } = await filePharmacy(30);
    const to = await target();
    const configHome = tempDir();
    const env = { MTM_PASSWORD: PASSWORD, MTM_DB_PASSWORD: to.password, XDG_CONFIG_HOME: configHome };
    const args = ['move', '--data', dataDir, '--user', SETUP.account.username, '--to', to.url, '--ca', to.caFile];

    const res = mtm(args, { env });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(
      /^Moved to postgres:\/\/.* in \d+\.\d s: \d+ tables, \d+ rows \(30 patients\), every count checked; the audit trail's \d+ entries verified/,
    );
    expect(res.stdout).not.toContain(to.password);
    const files = readdirSync(dataDir);
    expect(files).toContain(`mtm-desk.db.moved-${localIsoDate(new Date())}`);
    expect(files).not.toContain('mtm-desk.db');
    expect(files).toContain('shared-database.json');

    process.env.XDG_CONFIG_HOME = configHome;
    const session = new Session(dataDir);
    await session.signIn({ username: SETUP.account.username, password: PASSWORD });
    try {
      expect(session.status().shared).toMatchObject({ database: new URL(to.url).pathname.slice(1) });
      const { db } = session.current();
      expect((await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM patients`))!.n).toBe(count);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      expect(session.auditIntegrity()).toBeNull();
      const actions = (await all<{ action: string }>(db, sql`SELECT action FROM audit_log ORDER BY id`)).map(
        (r) => r.action,
      );
      expect(actions).toContain('security.move');
    } finally {
      await session.signOut();
    }

    const checked = mtm(['check', '--data', dataDir, '--user', SETUP.account.username], { env });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('Integrity: kept by the PostgreSQL server');
    expect(checked.stdout).toMatch(
      /^Connection: TLSv1\.[23] \(.+\), server's certificate and name verified, PostgreSQL 1\d/m,
    );
    expect(checked.stdout).toContain(`Patients: ${count}`);

    // Moving a second pharmacy onto the same server is refused, and that pharmacy's folder is left as it was.
    const other = await filePharmacy(5);
    const again = mtm(['move', '--data', other.dataDir, ...args.slice(3)], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^mtm move: The target database already holds a pharmacy: nothing was copied/);
    await stillOnFile(other.dataDir, other.count);
  });

  it('refuses a plain-text URL, a wrong CA and a missing password with the reason, changing nothing', async () => {
    const { dataDir, count } = await filePharmacy(3);
    const to = await target();
    const env = { MTM_PASSWORD: PASSWORD, MTM_DB_PASSWORD: to.password, XDG_CONFIG_HOME: tempDir() };
    const base = ['move', '--data', dataDir, '--user', SETUP.account.username];
    const wrongCa = join(tempDir(), 'not-a-ca.pem');
    writeFileSync(wrongCa, 'hello');

    expect(mtm([...base, '--to', `${to.url}?sslmode=disable`, '--ca', to.caFile], { env }).stderr).toMatch(
      /sslmode=disable is not accepted/,
    );
    expect(mtm([...base, '--to', to.url, '--ca', wrongCa], { env }).stderr).toMatch(/That is not a certificate/);
    expect(mtm([...base, '--to', to.url, '--ca', to.caFile], { env: { ...env, MTM_DB_PASSWORD: '' } }).stderr).toMatch(
      /Set MTM_DB_PASSWORD/,
    );
    await stillOnFile(dataDir, count);
  });
});
