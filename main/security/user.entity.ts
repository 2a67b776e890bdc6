import { EntitySchema } from 'typeorm';
import type { Role } from '../../preload/schemas/security';

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  isAdmin: boolean;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'text', primary: true },
    username: { type: 'text', unique: true },
    fullName: { type: 'text', name: 'full_name' },
    role: { type: 'text' },
    isAdmin: { type: 'boolean', name: 'is_admin' },
    active: { type: 'boolean' },
    mustChangePassword: { type: 'boolean', name: 'must_change_password' },
    createdAt: { type: 'text', name: 'created_at' },
  },
});
