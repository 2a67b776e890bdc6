import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class MinutesAddenda1765900000000 implements ForwardMigration {
  name = 'MinutesAddenda1765900000000';

  async up(q: QueryRunner): Promise<void> {
    // The face-to-face minutes the pharmacist confirms at sign-off, which billing codes from; the timer keeps what it
    // counted. Reviews signed before it was asked bill what their timer said, as they did (rounded to the minute).
    await q.query(`ALTER TABLE reviews ADD COLUMN face_to_face_minutes INTEGER`);
    await q.query(`UPDATE reviews SET face_to_face_minutes = (timer_seconds + 30) / 60 WHERE status = 'completed'`);
    // A correction of those minutes after signing: the signed review keeps its note, the addendum says what changed.
    await q.query(`CREATE TABLE review_minutes_addenda (
      id TEXT PRIMARY KEY,
      review_id TEXT NOT NULL REFERENCES reviews (id),
      old_minutes INTEGER NOT NULL,
      new_minutes INTEGER NOT NULL,
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_minutes_addenda_review ON review_minutes_addenda (review_id)`);
  }
}
