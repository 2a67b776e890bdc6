import { randomUUID } from 'node:crypto';
import type { Role, SignedInUser } from '../../preload/schemas/security';
import { one, run, sql, type Q } from '../db/sql';
import type { Row } from '../db/rows';

/** A row of the users table, its role narrowed to the roles there are. */
export type UserRow = Omit<Row<'users'>, 'role'> & { role: Role };

export function toSignedInUser(row: UserRow): SignedInUser {
  return {
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    isAdmin: Boolean(row.is_admin),
    mustChangePassword: Boolean(row.must_change_password),
  };
}

export async function insertUser(
  q: Q,
  user: { username: string; fullName: string; role: Role; isAdmin: boolean; mustChangePassword?: boolean },
): Promise<UserRow> {
  const row: UserRow = {
    id: randomUUID(),
    username: user.username,
    full_name: user.fullName,
    role: user.role,
    is_admin: user.isAdmin ? 1 : 0,
    active: 1,
    must_change_password: user.mustChangePassword ? 1 : 0,
    created_at: new Date().toISOString(),
  };
  await run(
    q,
    sql`
    INSERT INTO users (id, username, full_name, role, is_admin, active, must_change_password, created_at)
    VALUES (${row.id}, ${row.username}, ${row.full_name}, ${row.role}, ${row.is_admin}, ${row.active},
      ${row.must_change_password}, ${row.created_at})`,
  );
  return row;
}

export async function findActiveUser(q: Q, username: string): Promise<UserRow | null> {
  return (await one<UserRow>(q, sql`SELECT * FROM users WHERE username = ${username} AND active = 1 LIMIT 1`)) ?? null;
}
