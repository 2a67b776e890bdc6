import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class LargePrint1765500000000 implements ForwardMigration {
  name = 'LargePrint1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // A patient who reads better in large print gets every patient document at 14 pt; existing patients keep 12 pt.
    await q.query(
      `ALTER TABLE patients ADD COLUMN large_print INTEGER NOT NULL DEFAULT 0 CHECK (large_print IN (0, 1))`,
    );
  }
}
