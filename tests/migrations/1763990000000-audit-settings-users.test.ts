import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, rowsOf } from './rows';

// Adds the append-only, hash-chained audit trail (indexes, and triggers refusing UPDATE and DELETE), the
// app_settings key/value table, and users.must_change_password (0 for the users already there).
describe('migration 1763990000000-audit-settings-users', () => {
  it('adds must_change_password = 0 to existing users and an audit trail that cannot be changed', async () => {
    const { db: old, migrate } = await beforeMigration('AuditSettingsUsers1763990000000');
    const users = [
      { id: 'u1', username: 'pharmacist1', full_name: 'Pat Lee', role: 'pharmacist', is_admin: 1, active: 1 },
      { id: 'u2', username: 'tech1', full_name: 'Terry Tech', role: 'technician', is_admin: 0, active: 0 },
    ].map((u) => ({ ...u, created_at: '2025-10-01T08:00:00.000Z' }));
    for (const u of users) await insert(old, 'users', u);
    const usersBefore = await columnsOf(old, 'users');
    const db = await migrate();

    expect(await columnsOf(db, 'users')).toEqual([...usersBefore, 'must_change_password INTEGER NOT NULL DEFAULT 0']);
    expect(await rowsOf(db, 'users')).toEqual(users.map((u) => ({ ...u, must_change_password: 0 })));

    expect(await columnsOf(db, 'audit_log')).toEqual([
      'id INTEGER',
      'at TEXT NOT NULL',
      'username TEXT NOT NULL',
      'action TEXT NOT NULL',
      'category TEXT NOT NULL',
      'patient_id TEXT',
      'object_id TEXT',
      'outcome TEXT NOT NULL',
      'detail TEXT',
      'prev_hash TEXT',
      'hash TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'audit_log')).toEqual([
      'index idx_audit_action',
      'index idx_audit_at',
      'index idx_audit_patient',
      'index idx_audit_user',
      'trigger audit_log_no_delete',
      'trigger audit_log_no_update',
    ]);
    expect(await columnsOf(db, 'app_settings')).toEqual([
      'key TEXT',
      'value TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);

    const entry = {
      at: '2025-11-20T14:05:31.000Z',
      username: 'pharmacist1',
      action: 'auth.signIn',
      category: 'security',
    };
    await insert(db, 'audit_log', { ...entry, outcome: 'success', prev_hash: null, hash: 'a1b2c3' });
    await expect(insert(db, 'audit_log', { ...entry, outcome: 'maybe', hash: 'd4e5f6' })).rejects.toThrow(/CHECK/);
    await expect(run(db, sql`UPDATE audit_log SET outcome = ${'failure'}`)).rejects.toThrow(/append-only/);
    await expect(run(db, sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    expect(await rowsOf(db, 'audit_log')).toHaveLength(1);
    await db.destroy();
  });
});
