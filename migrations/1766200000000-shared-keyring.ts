import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class SharedKeyring1766200000000 implements ForwardMigration {
  name = 'SharedKeyring1766200000000';

  async up(q: QueryRunner): Promise<void> {
    // On a shared server the keyring (the data key sealed to each user's password and to the recovery code) lives
    // beside the data, so that an account made or a password changed at one workstation signs in at every other; each
    // workstation keeps a copy it refreshes before every sign-in. The version refuses a write based on an older copy.
    // An encrypted file keeps its keyring in keyring.json beside it and leaves this table empty.
    await q.query(`CREATE TABLE shared_keyring (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      keyring TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      updated_at TEXT NOT NULL
    )`);
  }
}
