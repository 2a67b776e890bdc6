import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role, SignedInUser } from '../../preload/schemas/security';
import { UserEntity, type UserRow } from './user.entity';

export function toSignedInUser(row: UserRow): SignedInUser {
  return { username: row.username, fullName: row.fullName, role: row.role, isAdmin: row.isAdmin, mustChangePassword: row.mustChangePassword };
}

export async function insertUser(
  em: EntityManager,
  user: { username: string; fullName: string; role: Role; isAdmin: boolean; mustChangePassword?: boolean },
): Promise<UserRow> {
  const row: UserRow = { id: randomUUID(), mustChangePassword: false, ...user, active: true, createdAt: new Date().toISOString() };
  await em.insert(UserEntity, row);
  return row;
}

export async function findActiveUser(em: EntityManager, username: string): Promise<UserRow | null> {
  return em.findOne(UserEntity, { where: { username, active: true } });
}
