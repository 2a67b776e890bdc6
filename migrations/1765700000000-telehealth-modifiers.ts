import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class TelehealthModifiers1765700000000 implements ForwardMigration {
  name = 'TelehealthModifiers1765700000000';

  async up(q: QueryRunner): Promise<void> {
    // The procedure modifier a payer wants on video and on audio-only (telephone) reviews: none (NULL), 95, GT or 93;
    // payers already there want none. Each claim keeps the modifier it was made with (NULL for claims already there).
    await q.query(`ALTER TABLE payers ADD COLUMN video_modifier TEXT CHECK (video_modifier IN ('95', 'GT', '93'))`);
    await q.query(`ALTER TABLE payers ADD COLUMN audio_modifier TEXT CHECK (audio_modifier IN ('95', 'GT', '93'))`);
    await q.query(`ALTER TABLE claims ADD COLUMN modifier TEXT`);
  }
}
