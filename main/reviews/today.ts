// The day's work, each list from one set-based query, and "Do these first": what is overdue or due within the
// week, soonest first, then the first adherence calls. The adherence calls come from the cached population figures
// (main/population), so Today never recomputes the pharmacy's PDCs on a visit.
import type { DataSource } from 'typeorm';
import { formatIsoDate, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { TODAY_TASK_KINDS, type TodayTask, type TodayWork } from '../../preload/schemas/reviews';
import { figuresForToday } from '../adherence/adherence-figures';
import { worklistPage } from '../adherence/programme';
import { all, sql, type Sql } from '../db/sql';
import { lastFirst } from '../../preload/person-name';
import { cmrOffersDue } from '../eligibility/cmr-offers';
import { PRESCRIBER_NAME_SQL } from './review-parts';

const PATIENT_SQL = sql`pt.last_name AS lastName, pt.first_name AS firstName, pt.date_of_birth AS dateOfBirth`;

/** Rows read with PATIENT_SQL, the patient named as the lists show names: last name first, in proper case. */
async function named<T extends { patient: string }>(db: DataSource, query: Sql): Promise<T[]> {
  const rows = await all<Omit<T, 'patient'> & { lastName: string; firstName: string }>(db, query);
  // The rest of a generic row is not known to TypeScript to complete T again; it does, by construction.
  return rows.map(
    ({ lastName, firstName, ...r }) => ({ ...r, patient: lastFirst({ lastName, firstName }) }) as unknown as T,
  );
}
/** CMS MTM FAQ: the written summary is given at once or sent within 14 calendar days of the CMR. */
export const SUMMARY_DAYS = 14;
/** "Do these first" holds this many lines; the rest wait in their lists. */
const QUEUE_LENGTH = 12;
const WEEK = 7;

/** The first and last day of the calendar quarter `today` falls in. */
function quarterOf(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const first = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  const next = first + 3 > 12 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { start: `${year}-${String(first).padStart(2, '0')}-01`, end: isoDaysBefore(next, 1) };
}

export async function todayWork(db: DataSource, today = todayIso()): Promise<TodayWork> {
  const inProgress = await named<TodayWork['inProgress'][number]>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_SQL}, r.type, r.status,
               r.pharmacist, r.updated_at AS updatedAt
        FROM reviews r JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        WHERE r.status != 'completed' ORDER BY r.updated_at DESC`,
  );
  const summaries = await named<Omit<TodayWork['summariesDue'][number], 'dueDate' | 'overdue'>>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_SQL}, r.cmr_date AS cmrDate
        FROM reviews r JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        WHERE r.type = 'cmr' AND r.cmr_date IS NOT NULL AND r.summary_sent_date IS NULL
        ORDER BY r.cmr_date, pt.last_name, pt.first_name`,
  );
  const summariesDue = summaries.map((s) => {
    const dueDate = isoDaysBefore(s.cmrDate, -SUMMARY_DAYS);
    return { ...s, dueDate, overdue: dueDate < today };
  });
  // A communication is overdue once its due date has passed with any of its recommendations unanswered.
  const overdueResponses = await named<TodayWork['overdueResponses'][number]>(
    db,
    sql`SELECT c.review_id AS reviewId, r.patient_id AS patientId, ${PATIENT_SQL},
               ${PRESCRIBER_NAME_SQL} AS prescriber, c.due_date AS dueDate, count(*) AS pending
        FROM review_communications c JOIN reviews r ON r.id = c.review_id
        JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        JOIN prescribers p ON p.id = c.prescriber_id
        JOIN review_recommendations rr
          ON rr.review_id = c.review_id AND rr.prescriber_id = c.prescriber_id AND rr.outcome IS NULL
        WHERE c.due_date < ${today}
        GROUP BY c.review_id, c.prescriber_id, c.due_date, r.id, pt.id, p.id ORDER BY c.due_date`,
  );
  // Signing no longer waits for the fax, so a signed review's recommendations may still be waiting to go out.
  const unsentRecommendations = await named<TodayWork['unsentRecommendations'][number]>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_SQL}, ${PRESCRIBER_NAME_SQL} AS prescriber,
               coalesce(r.cmr_date, substr(r.completed_at, 1, 10)) AS dueDate, count(*) AS count
        FROM review_recommendations rr JOIN reviews r ON r.id = rr.review_id AND r.status = 'completed'
        JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        JOIN prescribers p ON p.id = rr.prescriber_id
        WHERE NOT EXISTS (SELECT 1 FROM review_communications c
                          WHERE c.review_id = rr.review_id AND c.prescriber_id = rr.prescriber_id)
        GROUP BY r.id, rr.prescriber_id, pt.id, p.id ORDER BY dueDate`,
  );
  // Due within the week, unless a newer review for the patient has already been started.
  const weekAhead = isoDaysBefore(today, -WEEK);
  const followUpsDue = await named<TodayWork['followUpsDue'][number]>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_SQL}, r.follow_up_date AS followUpDate
        FROM reviews r JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        WHERE r.status = 'completed' AND r.follow_up_date <= ${weekAhead}
          AND NOT EXISTS (SELECT 1 FROM reviews later
                          WHERE later.patient_id = r.patient_id AND later.created_at > r.completed_at)
        ORDER BY r.follow_up_date`,
  );
  const quarter = quarterOf(today);
  const tmrs = await named<Omit<TodayWork['tmrsDue'][number], 'dueDate'>>(
    db,
    // Ordered outside: PostgreSQL sorts by an output name only as it stands, not inside an expression.
    sql`SELECT * FROM (
          SELECT e.patient_id AS patientId, ${PATIENT_SQL},
               (SELECT max(coalesce(t.cmr_date, substr(t.completed_at, 1, 10))) FROM reviews t
                WHERE t.patient_id = e.patient_id AND t.type = 'tmr' AND t.status = 'completed') AS lastTmr
          FROM mtm_enrollments e JOIN patients pt ON pt.id = e.patient_id AND pt.deleted_at IS NULL
          WHERE e.contract_year = ${Number(today.slice(0, 4))} AND e.enrolled_date IS NOT NULL AND e.opt_out_date IS NULL
            AND NOT EXISTS (SELECT 1 FROM reviews t
                            WHERE t.patient_id = e.patient_id AND t.type = 'tmr' AND t.status = 'completed'
                            AND coalesce(t.cmr_date, substr(t.completed_at, 1, 10)) >= ${quarter.start})) AS due
        ORDER BY lastTmr IS NOT NULL, lastTmr, lastName, firstName, dateOfBirth`,
  );
  const tmrsDue = tmrs.map((t) => ({ ...t, dueDate: quarter.end }));
  const offers = await cmrOffersDue(db, today);
  const started = performance.now();
  const { updating } = await figuresForToday(db, today);
  const page = await worklistPage(db, { onlyDue: true, offset: 0, limit: QUEUE_LENGTH }, today);
  const outreach = { ...page, updating, elapsedMs: Math.round(performance.now() - started) };
  const work = {
    inProgress,
    summariesDue,
    unsentRecommendations,
    overdueResponses,
    followUpsDue,
    tmrsDue,
    cmrOffersDue: offers,
    outreach,
  };
  return { queue: queueOf(work, today), ...work };
}

/** Everything overdue or due within the week, soonest first (same day: in TODAY_TASK_KINDS order), then calls. */
function queueOf(w: Omit<TodayWork, 'queue'>, today: string): TodayTask[] {
  const task = (t: Omit<TodayTask, 'overdue'>): TodayTask => ({
    ...t,
    overdue: t.dueDate !== null && t.dueDate < today,
  });
  const dated: TodayTask[] = [
    ...w.summariesDue.map((s) =>
      task({
        ...s,
        kind: 'summary',
        reason: `Written CMR summary: give or send it within ${SUMMARY_DAYS} days of the CMR of ${formatIsoDate(s.cmrDate)}`,
      }),
    ),
    ...w.unsentRecommendations.map((r) =>
      task({
        ...r,
        kind: 'send',
        reason: `Send ${r.count === 1 ? 'the recommendation' : `the ${r.count} recommendations`} to ${r.prescriber}: the review is signed`,
      }),
    ),
    ...w.overdueResponses.map((r) =>
      task({
        ...r,
        kind: 'answer',
        reason: `Answer from ${r.prescriber} overdue: ${r.pending} recommendation${r.pending === 1 ? '' : 's'} unanswered`,
      }),
    ),
    ...w.cmrOffersDue.map((o) =>
      task({ ...o, kind: 'offer', reviewId: null, reason: `Offer the CMR: enrolled ${formatIsoDate(o.enrolledDate)}` }),
    ),
    ...w.followUpsDue.map((f) => task({ ...f, kind: 'followUp', dueDate: f.followUpDate, reason: 'Follow-up due' })),
    ...w.tmrsDue.map((t) =>
      task({
        ...t,
        kind: 'tmr',
        reviewId: null,
        reason: `TMR due this quarter (last ${t.lastTmr ? formatIsoDate(t.lastTmr) : 'none'})`,
      }),
    ),
  ].filter((t) => t.dueDate! <= isoDaysBefore(today, -WEEK));
  const order = (k: TodayTask['kind']) => TODAY_TASK_KINDS.indexOf(k);
  dated.sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : order(a.kind) - order(b.kind)));
  const calls = w.outreach.items.map((e): TodayTask => ({
    kind: 'outreach',
    patientId: e.patientId,
    patient: e.name,
    dateOfBirth: e.dateOfBirth,
    reason: `Adherence call: ${e.reasons.join(' · ')}`,
    dueDate: null,
    overdue: false,
    reviewId: null,
  }));
  return [...dated, ...calls].slice(0, QUEUE_LENGTH);
}
