import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, REVIEW, rowsOf, tablesOf } from './rows';

// Adds the face-to-face minutes confirmed at sign-off (reviews signed before keep their timer's count, rounded to the
// minute; open ones have none yet) and the table of dated corrections to them.
describe('migration 1765900000000-minutes-addenda', () => {
  it('gives signed reviews their timer’s minutes, open ones none, and adds the minutes addenda', async () => {
    const { db: old, migrate } = await beforeMigration('MinutesAddenda1765900000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    const signed = { ...REVIEW, id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c72', status: 'completed', timer_seconds: 1290 };
    await insert(old, 'reviews', { ...signed, completed_at: '2025-11-20T14:30:00.000Z' });
    await insert(old, 'reviews', { ...signed, id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c73', timer_seconds: 1289 });
    const reviewsBefore = await columnsOf(old, 'reviews');
    const tablesBefore = await tablesOf(old);
    const db = await migrate();

    expect(await columnsOf(db, 'reviews')).toEqual([...reviewsBefore, 'face_to_face_minutes INTEGER']);
    expect((await rowsOf(db, 'reviews')).map((r) => [r.id, r.timer_seconds, r.face_to_face_minutes])).toEqual([
      [REVIEW.id, 1260, null],
      [signed.id, 1290, 22],
      ['9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c73', 1289, 21],
    ]);
    expect(await tablesOf(db)).toEqual([...tablesBefore, 'review_minutes_addenda'].sort());
    expect(await columnsOf(db, 'review_minutes_addenda')).toEqual([
      'id TEXT',
      'review_id TEXT NOT NULL',
      'old_minutes INTEGER NOT NULL',
      'new_minutes INTEGER NOT NULL',
      'reason TEXT NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'review_minutes_addenda')).toEqual(['index idx_minutes_addenda_review']);
    await run(
      db,
      sql`INSERT INTO review_minutes_addenda (id, review_id, old_minutes, new_minutes, reason, created_at, created_by)
          VALUES ('a1', ${signed.id}, 22, 30, 'Counted from the wrong start', '2025-11-21T09:00:00.000Z', 'Lee')`,
    );
    await expect(
      run(
        db,
        sql`INSERT INTO review_minutes_addenda (id, review_id, old_minutes, new_minutes, reason, created_at, created_by)
            VALUES ('a2', 'no-such-review', 22, 30, 'x', '2025-11-21T09:00:00.000Z', 'Lee')`,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
