// Prepares a shared pharmacy database for the app (issue 21), run by the pharmacy's IT person with the
// database owner's account (`mtm shared prepare`): migrates as the owner, then gives the app its own
// login role with only what it needs. Run again after every upgrade: it migrates and re-applies the
// grants (new tables included). The app's role cannot change the schema, empty or rewrite the audit
// trail, or grant anything; the owner's account is never kept on a workstation.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AppError } from '../common/errors';
import { openPostgres, type PostgresOptions } from './postgres-source';
import { all, one, sql } from './sql';

export interface AppRole {
  /** The app's login role: a lower-case identifier (mtm_app, say). */
  appRole: string;
  /** Its password, entered on each workstation when it connects. */
  appPassword: string;
}

export interface PreparedDatabase {
  database: string;
  appRole: string;
  /** False when the role was there already (its password is replaced). */
  created: boolean;
  /** How many tables the role was granted on. */
  tables: number;
}

/** What the app's role may do to each table: the audit trail only grows, the migration list is the owner's. */
const PRIVILEGES: Record<string, string> = { audit_log: 'SELECT, INSERT', schema_migrations: 'SELECT' };
const READ_WRITE = 'SELECT, INSERT, UPDATE, DELETE';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PASSWORD = /^[\x20-\x7e]{12,200}$/;

const refused = (field: string, message: string) => new AppError('validation', message, field, [{ field, message }]);

/** A name from the catalog or a checked role name, quoted for DDL (which takes no parameters). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677): sent instead of the
 * password, so it appears in no statement a server might log.
 */
function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  const b64 = (b: Buffer) => b.toString('base64');
  return `SCRAM-SHA-256$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}

function checkAppRole({ appRole, appPassword }: AppRole): void {
  if (!ROLE_NAME.test(appRole) || appRole.startsWith('pg_'))
    throw refused(
      'appRole',
      'The app role must be a lower-case name of letters, digits and underscores (for example mtm_app), not starting with pg_.',
    );
  if (!PASSWORD.test(appPassword))
    throw refused(
      'appPassword',
      "The app role's password must be 12 to 200 characters of letters, digits, spaces and punctuation (no accented letters).",
    );
}

interface Standing {
  me: string;
  database: string;
  owner: string;
  i_am_super: boolean;
  i_create_roles: boolean;
}

interface ExistingRole {
  rolsuper: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  member_of: string | null;
  owns: number;
}

/** Refuses, before anything changes, an app role that would have more than the app needs. */
async function checkStanding(q: EntityManager, appRole: string): Promise<ExistingRole | undefined> {
  const [s] = await all<Standing>(
    q,
    sql`SELECT current_user AS me, d.datname AS database, pg_get_userbyid(d.datdba) AS owner,
        r.rolsuper AS i_am_super, r.rolcreaterole AS i_create_roles
      FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user`,
  );
  if (appRole === s!.me || appRole === s!.owner)
    throw refused(
      'appRole',
      `The app role must not be the database owner's account (${appRole}): choose another name, such as mtm_app.`,
    );
  if (!s!.i_am_super && !s!.i_create_roles)
    throw refused(
      'owner',
      `The account ${s!.me} may not create roles: give it CREATEROLE (ALTER ROLE ${s!.me} CREATEROLE, as a superuser) or create the app role as a superuser first.`,
    );
  const [existing] = await all<ExistingRole>(
    q,
    sql`SELECT r.rolsuper, r.rolreplication, r.rolbypassrls,
        (SELECT string_agg(g.rolname, ', ') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
          WHERE m.member = r.oid) AS member_of,
        (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) +
          (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid) AS owns
      FROM pg_roles r WHERE r.rolname = ${appRole}`,
  );
  if (!existing) return undefined;
  if (existing.rolsuper || existing.rolreplication || existing.rolbypassrls)
    throw refused(
      'appRole',
      `The role ${appRole} is a superuser or may replicate or bypass row security: the app must not use it. Choose another name, or have a superuser remove those attributes.`,
    );
  if (existing.member_of)
    throw refused(
      'appRole',
      `The role ${appRole} is a member of ${existing.member_of} and would have its privileges: revoke that membership or choose another name.`,
    );
  if (existing.owns > 0)
    throw refused(
      'appRole',
      `The role ${appRole} owns tables or schemas in this database: the app must not. Choose another name.`,
    );
  return existing;
}

/** Creates the role or replaces its password; attributes a role-creating owner cannot set are checked instead. */
async function upsertRole(q: EntityManager, { appRole, appPassword }: AppRole, exists: boolean): Promise<void> {
  const password = `PASSWORD '${scramVerifier(appPassword)}'`;
  await q.query(
    exists
      ? `ALTER ROLE ${ident(appRole)} LOGIN NOCREATEDB NOCREATEROLE ${password}`
      : `CREATE ROLE ${ident(appRole)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${password}`,
  );
}

/** Exactly the app's privileges: anything granted before (by hand, or by an older version) is revoked first. */
async function grant(q: EntityManager, appRole: string): Promise<{ database: string; tables: number }> {
  const role = ident(appRole);
  const here = (await one<{ database: string; schema: string }>(
    q,
    sql`SELECT current_database() AS database, current_schema() AS schema`,
  ))!;
  const [database, schema] = [ident(here.database), ident(here.schema)];
  const tables = await all<{ name: string }>(
    q,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const statements = [
    // Only the owner and the app connect; nobody else may create temporary tables or objects here.
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC`,
    `REVOKE ALL ON DATABASE ${database} FROM ${role}`,
    `GRANT CONNECT ON DATABASE ${database} TO ${role}`,
    `REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`,
    `REVOKE ALL ON SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
    ...tables.map((t) => `GRANT ${PRIVILEGES[t.name] ?? READ_WRITE} ON ${ident(t.name)} TO ${role}`),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
  ];
  for (const s of statements) await q.query(s);
  return { database: here.database, tables: tables.length };
}

/**
 * Migrates the database at `ownerUrl` (the owner's account) and creates or updates the app's role with exactly
 * the privileges the app needs, in one transaction after the migrations. Safe to run again: same result.
 */
export async function prepareSharedDatabase(
  ownerUrl: string,
  app: AppRole,
  ssl: PostgresOptions['ssl'],
  options: { migrations?: typeof MIGRATIONS } = {},
): Promise<PreparedDatabase> {
  checkAppRole(app);
  const db = await openPostgres(ownerUrl, { ssl, migrations: options.migrations, asOwner: true });
  try {
    return await db.transaction(async (q) => {
      const existing = await checkStanding(q, app.appRole);
      await upsertRole(q, app, existing !== undefined);
      const { database, tables } = await grant(q, app.appRole);
      return { database, appRole: app.appRole, created: !existing, tables };
    });
  } finally {
    await db.destroy();
  }
}
