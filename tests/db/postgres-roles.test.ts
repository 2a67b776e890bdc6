// The app's own database role on a shared server (issue 21): prepared with the owner's account, it reads and
// writes the pharmacy's data but cannot rewrite or empty the audit trail, change the schema or grant anything;
// preparing again after an upgrade migrates and re-applies the grants; an app that finds migrations pending
// under its role says who must run what.
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { MIGRATIONS } from '../../migrations';
import { AppError } from '../../main/common/errors';
import { prepareSharedDatabase } from '../../main/db/postgres-roles';
import { openPostgres } from '../../main/db/postgres-source';
import { all, one, run, sql } from '../../main/db/sql';
import { newOwnedDatabase, noPostgres, usePostgres } from '../helpers/postgres-server';
import { insert, PATIENT } from '../migrations/rows';

const server = usePostgres();
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

const PASSWORD = 'correct horse battery 1';
const AUDIT_ROW = {
  at: '2026-12-01T09:00:00.000Z',
  username: 'pharmacist1',
  action: 'signIn',
  category: 'security',
  outcome: 'success',
  hash: 'h1',
};

const ownedDatabase = () => newOwnedDatabase(server);

const opened = async (url: string, migrations = MIGRATIONS) => {
  const db = await openPostgres(url, { ssl: false, migrations });
  open.push(db);
  return db;
};

/** The app role's privileges on each table, as the server reports them. */
const grantsOf = async (db: DataSource, role: string) =>
  all<{ table_name: string; privileges: string }>(
    db,
    sql`SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
      FROM information_schema.role_table_grants WHERE grantee = ${role} GROUP BY table_name ORDER BY table_name`,
  );

describe.skipIf(noPostgres)('PostgreSQL: the app role prepared by the owner', FILE_ONLY, () => {
  it('reads and writes patients but cannot change or empty the audit trail, create tables, or act as superuser', async () => {
    const { n, ownerUrl, as } = await ownedDatabase();
    const appRole = `mtm_app_${n}`;
    const prepared = await prepareSharedDatabase(ownerUrl, { appRole, appPassword: PASSWORD }, false);
    expect(prepared).toMatchObject({ appRole, created: true });
    const app = await opened(as(appRole, PASSWORD));

    await insert(app, 'patients', PATIENT);
    await run(app, sql`UPDATE patients SET city = ${'Canton'} WHERE id = ${PATIENT.id}`);
    expect(await one(app, sql`SELECT city FROM patients`)).toEqual({ city: 'Canton' });
    await run(app, sql`DELETE FROM patients`);

    await insert(app, 'audit_log', AUDIT_ROW);
    expect(await one(app, sql`SELECT count(*) AS n FROM audit_log`)).toEqual({ n: 1 });
    for (const statement of [
      sql`UPDATE audit_log SET action = ${'x'}`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ])
      await expect(run(app, statement)).rejects.toThrow(/permission denied for table audit_log/);
    await expect(run(app, sql`DELETE FROM schema_migrations`)).rejects.toThrow(/permission denied/);
    await expect(run(app, sql`CREATE TABLE copied (x text)`)).rejects.toThrow(/permission denied for schema public/);
    await expect(run(app, sql`CREATE TEMP TABLE copied (x text)`)).rejects.toThrow(/permission denied/);
    // It holds no grant option: granting on is ignored (with a warning), nobody else gains anything.
    await run(app, sql`GRANT SELECT ON patients TO PUBLIC`);
    expect(await one(app, sql`SELECT has_table_privilege('public', 'patients', 'SELECT') AS ok`)).toEqual({
      ok: false,
    });
    await expect(run(app, sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`)).rejects.toThrow(
      /must be owner/,
    );
    expect(
      await one(
        app,
        sql`SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin
          FROM pg_roles WHERE rolname = current_user`,
      ),
    ).toEqual({
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolbypassrls: false,
      rolcanlogin: true,
    });
    const grants = await grantsOf(app, appRole);
    expect(grants.find((g) => g.table_name === 'audit_log')?.privileges).toBe('INSERT,SELECT');
    expect(grants.find((g) => g.table_name === 'schema_migrations')?.privileges).toBe('SELECT');
    expect(grants.find((g) => g.table_name === 'patients')?.privileges).toBe('DELETE,INSERT,SELECT,UPDATE');
    expect(grants).toHaveLength(prepared.tables);
  });

  it('re-running after an upgrade migrates and re-grants (new tables too); until then the app says to run it', async () => {
    const { n, ownerUrl, as } = await ownedDatabase();
    const appRole = `mtm_app_${n}`;
    const older = MIGRATIONS.slice(0, -3);
    await prepareSharedDatabase(ownerUrl, { appRole, appPassword: PASSWORD }, false, { migrations: older });
    await (await opened(as(appRole, PASSWORD), older)).destroy();
    open.pop();

    // The app was upgraded before the IT person prepared the database again.
    const refusal = openPostgres(as(appRole, PASSWORD), { ssl: false });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toThrow(/needs 3 updates.*"mtm shared prepare" with the database owner's account/);
    const owner = await opened(ownerUrl, []);
    expect(await one(owner, sql`SELECT count(*) AS n FROM schema_migrations`)).toEqual({ n: older.length });

    const again = await prepareSharedDatabase(ownerUrl, { appRole, appPassword: `${PASSWORD} new` }, false);
    expect(again.created).toBe(false);
    const first = await grantsOf(owner, appRole);
    const tables = await all<{ name: string }>(
      owner,
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    expect(first.map((g) => g.table_name)).toEqual(tables.map((t) => t.name));
    await expect(openPostgres(as(appRole, PASSWORD), { ssl: false })).rejects.toThrow(/password authentication failed/);
    const app = await opened(as(appRole, `${PASSWORD} new`));
    expect(await one(app, sql`SELECT count(*) AS n FROM schema_migrations`)).toEqual({ n: MIGRATIONS.length });

    // Idempotent: a third run gives exactly the same grants.
    await prepareSharedDatabase(ownerUrl, { appRole, appPassword: `${PASSWORD} new` }, false);
    expect(await grantsOf(owner, appRole)).toEqual(first);
  });

  it('refuses an app role that is the owner, a superuser, inherits another role, or is badly named, creating nothing', async () => {
    const { n, owner, ownerUrl, superUrl, as } = await ownedDatabase();
    const prepare = (appRole: string, appPassword = PASSWORD, url = ownerUrl) =>
      prepareSharedDatabase(url, { appRole, appPassword }, false);
    await expect(prepare(owner)).rejects.toThrow(/must not be the database owner's account/);
    await expect(prepare('postgres')).rejects.toThrow(/is a superuser/);
    await expect(prepare('Mtm-App')).rejects.toThrow(/lower-case name/);
    await expect(prepare('pg_app')).rejects.toThrow(/lower-case name/);
    await expect(prepare(`mtm_app_${n}`, 'short')).rejects.toThrow(/12 to 200 characters/);

    const admin = await opened(superUrl, []);
    await run(admin, sql`CREATE ROLE ${sql.identifiers(`heir_${n}`)} LOGIN`);
    await run(admin, sql`GRANT ${sql.identifiers(owner)} TO ${sql.identifiers(`heir_${n}`)}`);
    await expect(prepare(`heir_${n}`)).rejects.toThrow(new RegExp(`member of ${owner}`));

    expect(await all(admin, sql`SELECT rolname FROM pg_roles WHERE rolname = ${`mtm_app_${n}`}`)).toEqual([]);
    await prepare(`mtm_app_${n}`);
    // The app's own account cannot prepare (it may not migrate): the owner's is needed.
    await expect(prepare(`other_${n}`, PASSWORD, as(`mtm_app_${n}`, PASSWORD))).rejects.toThrow(
      /may not create tables in this database: use the database owner's account/,
    );
  });
});
