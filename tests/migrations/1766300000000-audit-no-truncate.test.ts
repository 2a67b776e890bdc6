import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { MIGRATIONS } from '../../migrations';
import { openPostgres } from '../../main/db/postgres-source';
import { all, one, run, sql } from '../../main/db/sql';
import { beforeMigration } from '../helpers/migrations';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { insert } from './rows';

// On a shared server, a statement trigger refuses TRUNCATE of the audit trail (which the row triggers of
// 1763990000000 do not see); SQLite has no TRUNCATE, and its file is left exactly as it was.
const AUDIT_ROW = {
  at: '2026-12-01T09:00:00.000Z',
  username: 'pharmacist1',
  action: 'signIn',
  category: 'security',
  outcome: 'success',
  hash: 'h1',
};

const server = usePostgres();
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

describe('migration 1766300000000-audit-no-truncate', FILE_ONLY, () => {
  it('changes nothing in the SQLite file', async () => {
    const schema = (db: DataSource) => all(db, sql`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`);
    const { db: old, migrate } = await beforeMigration('AuditNoTruncate1766300000000');
    const before = await schema(old);
    const db = await migrate();
    open.push(db);
    expect(await schema(db)).toEqual(before);
    expect(await one(db, sql`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`)).toEqual({
      name: 'AuditNoTruncate1766300000000',
    });
  });

  it.skipIf(noPostgres)("on PostgreSQL refuses TRUNCATE of the audit trail, even to the owner's account", async () => {
    const at = MIGRATIONS.findIndex((m) => new m().name === 'AuditNoTruncate1766300000000');
    const url = await server.newDatabase();
    const old = await openPostgres(url, { ssl: false, migrations: MIGRATIONS.slice(0, at) });
    await insert(old, 'audit_log', AUDIT_ROW);
    // Before it, the owner's account (here the superuser) could empty the trail in one statement.
    await run(old, sql`TRUNCATE audit_log`);
    await insert(old, 'audit_log', AUDIT_ROW);
    await old.destroy();

    const db = await openPostgres(url, { ssl: false, migrations: MIGRATIONS.slice(0, at + 1) });
    open.push(db);
    await expect(run(db, sql`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await one(db, sql`SELECT count(*) AS n FROM audit_log`)).toEqual({ n: 1 });
  });
});
