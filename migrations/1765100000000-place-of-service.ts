import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class PlaceOfService1765100000000 implements ForwardMigration {
  name = 'PlaceOfService1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // The payer's place of service for telephone and video reviews; each claim keeps the one it was made with.
    await q.query(
      `ALTER TABLE payers ADD COLUMN remote_place_of_service TEXT NOT NULL DEFAULT '01' CHECK (remote_place_of_service IN ('01', '02', '10'))`,
    );
    await q.query(`ALTER TABLE claims ADD COLUMN place_of_service TEXT NOT NULL DEFAULT '01'`);
  }
}
