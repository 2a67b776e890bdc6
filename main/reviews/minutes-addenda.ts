// Correcting a signed review's face-to-face minutes: the signed note stays as it was, a dated addendum says who
// changed the minutes, when, from what to what and why, and the review bills the corrected minutes from then on.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { minutesCorrectionRequest, Review } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { run, sql } from '../db/sql';
import { change } from './review-store';

export function correctMinutes(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof minutesCorrectionRequest>,
): Promise<Review> {
  return change(
    db,
    user,
    req.id,
    req.version,
    async (em, r) => {
      if (r.status !== 'completed')
        throw new AppError(
          'conflict',
          'The review is not signed yet: confirm the face-to-face minutes at sign-off. A minutes addendum corrects a signed review.',
        );
      const old = r.face_to_face_minutes!;
      if (old === req.minutes)
        throw new AppError('validation', `The review is already ${old} minutes face to face.`, 'minutes');
      await run(
        em,
        sql`INSERT INTO review_minutes_addenda (id, review_id, old_minutes, new_minutes, reason, created_at, created_by)
            VALUES (${randomUUID()}, ${r.id}, ${old}, ${req.minutes}, ${req.reason}, ${new Date().toISOString()},
              ${`${user.fullName} (${user.username})`})`,
      );
      return { face_to_face_minutes: req.minutes };
    },
    true,
  );
}
