import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class FillDirections1765300000000 implements ForwardMigration {
  name = 'FillDirections1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // The label's directions, strength and dose form as the dispensing system exported them; NULL for fills
    // imported before (and for exports without those columns).
    await q.query(`ALTER TABLE fills ADD COLUMN sig TEXT`);
    await q.query(`ALTER TABLE fills ADD COLUMN strength TEXT`);
    await q.query(`ALTER TABLE fills ADD COLUMN dose_form TEXT`);
  }
}
