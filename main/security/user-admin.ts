// Administrators manage accounts. Every change edits the users table and the keyring together
// and is written to the audit trail as a permission change.
import type { z } from 'zod';
import type {
  userAddRequest,
  userResetPasswordRequest,
  userUpdateRequest,
  UserSummary,
} from '../../preload/schemas/users';
import { AppError, notFound } from '../common/errors';
import { appendAudit } from './audit/audit-log';
import { all, one, run, sql, type Q } from '../db/sql';
import type { RekeyResult, Session } from './session';
import { insertUser, type UserRow } from './users';

const summary = (r: UserRow): UserSummary => ({
  username: r.username,
  fullName: r.full_name,
  role: r.role,
  isAdmin: Boolean(r.is_admin),
  active: Boolean(r.active),
  mustChangePassword: Boolean(r.must_change_password),
  createdAt: r.created_at,
});

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export async function listUsers(session: Session): Promise<UserSummary[]> {
  const rows = await all<UserRow>(session.current().db, sql`SELECT * FROM users ORDER BY active DESC, username ASC`);
  return rows.map(summary);
}

const findUser = (q: Q, username: string) =>
  one<UserRow>(q, sql`SELECT * FROM users WHERE username = ${username} LIMIT 1`);

async function loadUser(session: Session, username: string): Promise<UserRow> {
  const row = await findUser(session.current().db, username);
  if (!row) throw notFound(`The user "${username}"`);
  return row;
}

/** Refuses a change that would leave the pharmacy without an active administrator. */
async function keepAnAdmin(session: Session, username: string): Promise<void> {
  const { n: others } = (await one<{ n: number }>(
    session.current().db,
    sql`
    SELECT count(*) AS n FROM users WHERE is_admin = 1 AND active = 1`,
  ))!;
  const target = await loadUser(session, username);
  if (target.is_admin && target.active && others <= 1) {
    throw new AppError(
      'conflict',
      'This is the only active administrator. Make another pharmacist an administrator first.',
    );
  }
}

/** The audit row of an account change, written inside the change's own transaction. */
const audit = (session: Session, em: Q, action: string, username: string, detail: string) =>
  appendAudit(em, {
    username: session.current().user.username,
    action,
    category: 'users',
    objectId: username,
    outcome: 'success',
    detail,
  });

export async function addUser(session: Session, req: z.output<typeof userAddRequest>): Promise<UserSummary> {
  const { db, key } = session.current();
  if (await findUser(db, req.username)) {
    throw new AppError(
      'conflict',
      `The username "${req.username}" is taken (usernames are never reused, even for disabled accounts). Choose another.`,
      'username',
      [{ field: 'username', message: 'This username is taken' }],
    );
  }
  await session.writeSlot(db, key, req.username, req.temporaryPassword, true, async (em) => {
    await insertUser(em, {
      username: req.username,
      fullName: req.fullName,
      role: req.role,
      isAdmin: req.isAdmin,
      mustChangePassword: true,
    });
    await audit(session, em, 'user.add', req.username, `role ${req.role}; administrator ${yesNo(req.isAdmin)}`);
  });
  return summary(await loadUser(session, req.username));
}

export async function updateUser(session: Session, req: z.output<typeof userUpdateRequest>): Promise<UserSummary> {
  const before = await loadUser(session, req.username);
  const wasAdmin = Boolean(before.is_admin);
  if (wasAdmin && !req.isAdmin) await keepAnAdmin(session, req.username);
  const changes = [
    before.role !== req.role ? `role ${before.role} → ${req.role}` : null,
    wasAdmin !== req.isAdmin ? `administrator ${yesNo(wasAdmin)} → ${yesNo(req.isAdmin)}` : null,
    before.full_name !== req.fullName ? 'name changed' : null,
  ].filter(Boolean);
  await session.current().db.transaction(async (em) => {
    await run(
      em,
      sql`
      UPDATE users SET full_name = ${req.fullName}, role = ${req.role}, is_admin = ${req.isAdmin ? 1 : 0}
      WHERE username = ${req.username}`,
    );
    await audit(session, em, 'user.permissionChange', req.username, changes.join('; ') || 'no change');
  });
  return summary(await loadUser(session, req.username));
}

/**
 * Disabling removes the user's key slot and replaces the data key (re-key), so neither their password
 * nor an old keyring or backup they may have kept opens today's data. The new recovery code is
 * returned, to be shown once.
 */
export async function disableUser(
  session: Session,
  username: string,
): Promise<{ user: UserSummary; rekey: RekeyResult }> {
  if (username === session.current().user.username)
    throw new AppError('conflict', 'You cannot disable your own account.');
  await keepAnAdmin(session, username);
  await session.current().db.transaction(async (em) => {
    await run(em, sql`UPDATE users SET active = 0 WHERE username = ${username}`);
    await audit(session, em, 'user.disable', username, 'key slot removed; data key replaced');
  });
  const rekey = await session.rekey(`${username} disabled`, { remove: [username] });
  return { user: summary(await loadUser(session, username)), rekey };
}

/** A new temporary password (a new key slot); the user must choose their own at next sign-in. */
export async function resetPassword(
  session: Session,
  req: z.output<typeof userResetPasswordRequest>,
): Promise<UserSummary> {
  await loadUser(session, req.username);
  const { db, key } = session.current();
  await session.writeSlot(db, key, req.username, req.temporaryPassword, true, async (em) => {
    await run(em, sql`UPDATE users SET active = 1 WHERE username = ${req.username}`);
    await audit(session, em, 'user.resetPassword', req.username, 'new key slot; must change password');
  });
  return summary(await loadUser(session, req.username));
}
