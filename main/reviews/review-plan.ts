// The plan and what follows it: recommendations (each with its action-plan item), the prescriber
// communications they are grouped into, the prescriber's answers, and dated addenda. Answers and
// addenda arrive after sign-off, so they are the only changes a completed review accepts.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  addendumRequest,
  communicationSaveRequest,
  outcomeRecordRequest,
  recommendationRemoveRequest,
  recommendationSaveRequest,
  Review,
} from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Sql } from '../db/sql';
import { checkMedicine, namesMedicine } from './plan-medicines';
import { liveLines, type ReviewRow } from './review-parts';
import { change, getReview } from './review-store';

type Id = Pick<Row<'review_recommendations'>, 'id'>;
type Saved = z.output<typeof recommendationSaveRequest>['recommendation'];
/** Added with the one medicine and Spanish; callers inside main that predate them may leave them out. */
type NewFields = 'medicine' | 'talkedAboutEs' | 'toDoEs';
export type RecommendationInput = Omit<Saved, NewFields> & Partial<Pick<Saved, NewFields>>;

async function assertOne(em: EntityManager, query: Sql, what: string): Promise<void> {
  if (!(await all<unknown>(em, query)).length) throw notFound(what);
}

const refuse = (field: string, message: string) =>
  new AppError('validation', message, `recommendation.${field}`, [{ field: `recommendation.${field}`, message }]);

/**
 * The one medicine, checked against the patient's list (as the plan names it), and the action-plan item naming it
 * in every "What I need to do".
 */
async function checkedMedicine(em: EntityManager, r: ReviewRow, x: RecommendationInput): Promise<string | null> {
  if (!x.medicine) return null;
  const patient = await one<Pick<Row<'patients'>, 'first_name'>>(
    em,
    sql`SELECT first_name FROM patients WHERE id = ${r.patient_id}`,
  );
  const started = await all<Pick<Row<'review_recommendations'>, 'medicine'>>(
    em,
    sql`SELECT medicine FROM review_recommendations
        WHERE review_id = ${r.id} AND action = 'start' AND medicine IS NOT NULL AND id != ${x.id ?? ''}`,
  );
  const { name, line } = checkMedicine(
    x.action,
    x.medicine,
    await liveLines(em, r),
    patient!.first_name,
    started.map((s) => s.medicine!),
  );
  for (const [field, text, heading] of [
    ['toDo', x.toDo, 'What I need to do'],
    ['toDoEs', x.toDoEs ?? '', 'Lo que tengo que hacer'],
  ] as const)
    if (text && !namesMedicine(text, name, line))
      throw refuse(
        field,
        `"${heading}" must name ${name}, the medicine this recommendation is about, so the patient knows which one.`,
      );
  return name;
}

export function saveRecommendation(
  db: DataSource,
  user: SignedInUser,
  req: { id: string; version: number; recommendation: RecommendationInput },
): Promise<Review> {
  const x = req.recommendation;
  const talkedAboutEs = x.talkedAboutEs ?? '';
  const toDoEs = x.toDoEs ?? '';
  return change(db, user, req.id, req.version, async (em, r) => {
    const problem = sql`SELECT 1 FROM drug_therapy_problems WHERE id = ${x.problemId} AND patient_id = ${r.patient_id}`;
    await assertOne(em, problem, 'That problem');
    const prescriberId = x.actor === 'prescriber' ? x.prescriberId : null;
    if (prescriberId) await assertOne(em, sql`SELECT 1 FROM prescribers WHERE id = ${prescriberId}`, 'That prescriber');
    const medicine = await checkedMedicine(em, r, x);
    if (x.id) {
      const done = await all<Id>(
        em,
        sql`UPDATE review_recommendations SET problem_id = ${x.problemId}, action = ${x.action}, actor = ${x.actor},
              prescriber_id = ${prescriberId}, medicine = ${medicine}, detail = ${x.detail},
              talked_about = ${x.talkedAbout}, to_do = ${x.toDo}, talked_about_es = ${talkedAboutEs},
              to_do_es = ${toDoEs}
            WHERE id = ${x.id} AND review_id = ${r.id} RETURNING id`,
      );
      if (!done.length) throw notFound('That recommendation');
    } else {
      await run(
        em,
        sql`INSERT INTO review_recommendations
              (id, review_id, problem_id, action, actor, prescriber_id, medicine, detail, talked_about, to_do,
               talked_about_es, to_do_es, created_at, created_by)
            VALUES (${randomUUID()}, ${r.id}, ${x.problemId}, ${x.action}, ${x.actor}, ${prescriberId}, ${medicine},
              ${x.detail}, ${x.talkedAbout}, ${x.toDo}, ${talkedAboutEs}, ${toDoEs}, ${new Date().toISOString()},
              ${user.username})`,
      );
    }
    await dropUnusedCommunications(em, r);
    return {};
  });
}

export function removeRecommendation(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof recommendationRemoveRequest>,
): Promise<Review> {
  return change(db, user, req.id, req.version, async (em, r) => {
    const gone = await all<Id>(
      em,
      sql`DELETE FROM review_recommendations WHERE id = ${req.recommendationId} AND review_id = ${r.id} RETURNING id`,
    );
    if (!gone.length) throw notFound('That recommendation');
    await dropUnusedCommunications(em, r);
    return {};
  });
}

/** A prescriber with nothing left to answer has no communication to send. */
async function dropUnusedCommunications(em: EntityManager, r: ReviewRow): Promise<void> {
  await run(
    em,
    sql`DELETE FROM review_communications WHERE review_id = ${r.id}
          AND prescriber_id NOT IN (SELECT prescriber_id FROM review_recommendations
                                    WHERE review_id = ${r.id} AND prescriber_id IS NOT NULL)`,
  );
}

/** Recorded by hand, before or after sign-off: the communication goes on after the review is signed. */
export function saveCommunication(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof communicationSaveRequest>,
): Promise<Review> {
  return change(
    db,
    user,
    req.id,
    req.version,
    async (em, r) => {
      const planned = sql`SELECT 1 FROM review_recommendations
                        WHERE review_id = ${r.id} AND prescriber_id = ${req.prescriberId}`;
      if (!(await all<unknown>(em, planned)).length)
        throw new AppError(
          'validation',
          'This review has no recommendation for that prescriber. Add one in the plan first.',
          'prescriberId',
        );
      await run(
        em,
        sql`INSERT INTO review_communications (review_id, prescriber_id, method, sent_date, due_date, recorded_by)
          VALUES (${r.id}, ${req.prescriberId}, ${req.method}, ${req.sentDate}, ${req.dueDate}, ${user.username})
          ON CONFLICT (review_id, prescriber_id) DO UPDATE SET method = excluded.method, sent_date = excluded.sent_date,
            due_date = excluded.due_date, recorded_by = excluded.recorded_by`,
      );
      return {};
    },
    true,
  );
}

export function recordOutcome(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof outcomeRecordRequest>,
): Promise<Review> {
  return change(
    db,
    user,
    req.id,
    req.version,
    async (em, r) => {
      // The communication is optional (LEFT JOIN): no sent date until one is recorded.
      const sent = await one<{ sent_date: string | null }>(
        em,
        sql`SELECT c.sent_date FROM review_recommendations rr
            LEFT JOIN review_communications c ON c.review_id = rr.review_id AND c.prescriber_id = rr.prescriber_id
            WHERE rr.id = ${req.recommendationId} AND rr.review_id = ${r.id}`,
      );
      if (!sent) throw notFound('That recommendation');
      if (sent.sent_date && req.date < sent.sent_date)
        throw new AppError(
          'validation',
          `The answer cannot be dated before the recommendation was sent (${sent.sent_date}).`,
          'date',
        );
      await run(
        em,
        sql`UPDATE review_recommendations
            SET outcome = ${req.outcome}, outcome_date = ${req.date}, outcome_note = ${req.note ?? null},
              outcome_by = ${user.username} WHERE id = ${req.recommendationId}`,
      );
      return {};
    },
    true,
  );
}

/** A dated note added to a completed review; the signed record itself never changes. */
export async function addAddendum(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof addendumRequest>,
): Promise<Review> {
  await db.transaction(async (em) => {
    const r = await one<Pick<Row<'reviews'>, 'status'>>(em, sql`SELECT status FROM reviews WHERE id = ${req.id}`);
    if (!r) throw notFound('This review');
    if (r.status !== 'completed')
      throw new AppError(
        'conflict',
        'The review is still open: change the note itself. Addenda are for signed reviews.',
      );
    await run(
      em,
      sql`INSERT INTO review_addenda (id, review_id, text, created_at, created_by)
          VALUES (${randomUUID()}, ${req.id}, ${req.text}, ${new Date().toISOString()},
            ${`${user.fullName} (${user.username})`})`,
    );
  });
  return getReview(db, req.id);
}
