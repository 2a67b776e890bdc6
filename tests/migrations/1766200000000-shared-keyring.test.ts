import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, rowsOf } from './rows';

// Adds the table a shared server keeps the keyring in: one row at most, with a version from 1.
describe('migration 1766200000000-shared-keyring', () => {
  it('adds an empty one-row keyring table', async () => {
    const { migrate } = await beforeMigration('SharedKeyring1766200000000');
    const db = await migrate();

    expect(await columnsOf(db, 'shared_keyring')).toEqual([
      'id INTEGER',
      'keyring TEXT NOT NULL',
      'version INTEGER NOT NULL',
      'updated_at TEXT NOT NULL',
    ]);
    expect(await rowsOf(db, 'shared_keyring')).toEqual([]);
    const row = { id: 1, keyring: '{}', version: 1, updated_at: '2026-12-02T10:00:00.000Z' };
    await insert(db, 'shared_keyring', row);
    await expect(insert(db, 'shared_keyring', { ...row, id: 2 })).rejects.toThrow(/CHECK/);
    await expect(insert(db, 'shared_keyring', { ...row, version: 0 })).rejects.toThrow(/CHECK/);
    await expect(insert(db, 'shared_keyring', row)).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});
