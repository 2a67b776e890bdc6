// The plan and what follows it: recommendations (each with its action-plan item), the prescriber
// communications they are grouped into, the prescriber's answers, and dated addenda. Answers and
// addenda arrive after sign-off, so they are the only changes a completed review accepts.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { addendumRequest, communicationSaveRequest, outcomeRecordRequest, recommendationRemoveRequest, recommendationSaveRequest, Review } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import type { ReviewRow } from './review-parts';
import { change, getReview } from './review-store';

async function assertOne(em: EntityManager, sql: string, params: unknown[], what: string): Promise<void> {
  if (!((await em.query(sql, params)) as unknown[]).length) throw notFound(what);
}

export function saveRecommendation(db: DataSource, user: SignedInUser, req: z.output<typeof recommendationSaveRequest>): Promise<Review> {
  const x = req.recommendation;
  return change(db, user, req.id, req.version, async (em, r) => {
    await assertOne(em, `SELECT 1 FROM drug_therapy_problems WHERE id = ? AND patient_id = ?`, [x.problemId, r.patient_id], 'That problem');
    const prescriberId = x.actor === 'prescriber' ? x.prescriberId : null;
    if (prescriberId) await assertOne(em, 'SELECT 1 FROM prescribers WHERE id = ?', [prescriberId], 'That prescriber');
    const values = [x.problemId, x.action, x.actor, prescriberId, x.detail, x.talkedAbout, x.toDo];
    if (x.id) {
      const done = (await em.query(
        `UPDATE review_recommendations SET problem_id = ?, action = ?, actor = ?, prescriber_id = ?, detail = ?, talked_about = ?, to_do = ? WHERE id = ? AND review_id = ? RETURNING id`,
        [...values, x.id, r.id],
      )) as unknown[];
      if (!done.length) throw notFound('That recommendation');
    } else {
      await em.query(
        `INSERT INTO review_recommendations (id, review_id, problem_id, action, actor, prescriber_id, detail, talked_about, to_do, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), r.id, ...values, new Date().toISOString(), user.username],
      );
    }
    await dropUnusedCommunications(em, r);
    return {};
  });
}

export function removeRecommendation(db: DataSource, user: SignedInUser, req: z.output<typeof recommendationRemoveRequest>): Promise<Review> {
  return change(db, user, req.id, req.version, async (em, r) => {
    const gone = (await em.query('DELETE FROM review_recommendations WHERE id = ? AND review_id = ? RETURNING id', [req.recommendationId, r.id])) as unknown[];
    if (!gone.length) throw notFound('That recommendation');
    await dropUnusedCommunications(em, r);
    return {};
  });
}

/** A prescriber with nothing left to answer has no communication to send. */
async function dropUnusedCommunications(em: EntityManager, r: ReviewRow): Promise<void> {
  await em.query(`DELETE FROM review_communications WHERE review_id = ? AND prescriber_id NOT IN (SELECT prescriber_id FROM review_recommendations WHERE review_id = ? AND prescriber_id IS NOT NULL)`, [r.id, r.id]);
}

export function saveCommunication(db: DataSource, user: SignedInUser, req: z.output<typeof communicationSaveRequest>): Promise<Review> {
  return change(db, user, req.id, req.version, async (em, r) => {
    if (!((await em.query('SELECT 1 FROM review_recommendations WHERE review_id = ? AND prescriber_id = ?', [r.id, req.prescriberId])) as unknown[]).length)
      throw new AppError('validation', 'This review has no recommendation for that prescriber. Add one in the plan first.', 'prescriberId');
    await em.query(
      `INSERT INTO review_communications (review_id, prescriber_id, method, sent_date, due_date, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id, prescriber_id) DO UPDATE SET method = excluded.method, sent_date = excluded.sent_date, due_date = excluded.due_date, recorded_by = excluded.recorded_by`,
      [r.id, req.prescriberId, req.method, req.sentDate, req.dueDate, user.username],
    );
    return {};
  });
}

export function recordOutcome(db: DataSource, user: SignedInUser, req: z.output<typeof outcomeRecordRequest>): Promise<Review> {
  return change(
    db, user, req.id, req.version,
    async (em, r) => {
      const [sent] = (await em.query(
        `SELECT c.sent_date FROM review_recommendations rr LEFT JOIN review_communications c ON c.review_id = rr.review_id AND c.prescriber_id = rr.prescriber_id WHERE rr.id = ? AND rr.review_id = ?`,
        [req.recommendationId, r.id],
      )) as { sent_date: string | null }[];
      if (!sent) throw notFound('That recommendation');
      if (sent.sent_date && req.date < sent.sent_date) throw new AppError('validation', `The answer cannot be dated before the recommendation was sent (${sent.sent_date}).`, 'date');
      await em.query(`UPDATE review_recommendations SET outcome = ?, outcome_date = ?, outcome_note = ?, outcome_by = ? WHERE id = ?`, [req.outcome, req.date, req.note ?? null, user.username, req.recommendationId]);
      return {};
    },
    true,
  );
}

/** A dated note added to a completed review; the signed record itself never changes. */
export async function addAddendum(db: DataSource, user: SignedInUser, req: z.output<typeof addendumRequest>): Promise<Review> {
  await db.transaction(async (em) => {
    const [r] = (await em.query('SELECT status FROM reviews WHERE id = ?', [req.id])) as { status: string }[];
    if (!r) throw notFound('This review');
    if (r.status !== 'completed') throw new AppError('conflict', 'The review is still open: change the note itself. Addenda are for signed reviews.');
    await em.query('INSERT INTO review_addenda (id, review_id, text, created_at, created_by) VALUES (?, ?, ?, ?, ?)', [randomUUID(), req.id, req.text, new Date().toISOString(), `${user.fullName} (${user.username})`]);
  });
  return getReview(db, req.id);
}
