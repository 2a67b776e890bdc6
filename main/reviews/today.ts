// The day's review work, each list from one set-based query.
import type { DataSource } from 'typeorm';
import type { TodayWork } from '../../preload/schemas/reviews';
import { all, sql } from '../db/sql';
import { PRESCRIBER_NAME_SQL } from './review-parts';
import { todayIso } from '../../preload/schemas/dates';
import { cmrOffersDue } from '../eligibility/cmr-offers';

const PATIENT_NAME_SQL = sql`pt.last_name || ', ' || pt.first_name`;

export async function todayWork(db: DataSource, today = todayIso()): Promise<TodayWork> {
  const inProgress = await all<TodayWork['inProgress'][number]>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_NAME_SQL} AS patient, r.type, r.status,
               r.pharmacist, r.updated_at AS updatedAt
        FROM reviews r JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        WHERE r.status != 'completed' ORDER BY r.updated_at DESC`,
  );
  // A communication is overdue once its due date has passed with any of its recommendations unanswered.
  const overdueResponses = await all<TodayWork['overdueResponses'][number]>(
    db,
    sql`SELECT c.review_id AS reviewId, r.patient_id AS patientId, ${PATIENT_NAME_SQL} AS patient,
               ${PRESCRIBER_NAME_SQL} AS prescriber, c.due_date AS dueDate, count(*) AS pending
        FROM review_communications c JOIN reviews r ON r.id = c.review_id
        JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        JOIN prescribers p ON p.id = c.prescriber_id
        JOIN review_recommendations rr
          ON rr.review_id = c.review_id AND rr.prescriber_id = c.prescriber_id AND rr.outcome IS NULL
        WHERE c.due_date < ${today} GROUP BY c.review_id, c.prescriber_id ORDER BY c.due_date`,
  );
  // Due within the week, unless a newer review for the patient has already been started.
  const weekAhead = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const followUpsDue = await all<TodayWork['followUpsDue'][number]>(
    db,
    sql`SELECT r.id AS reviewId, r.patient_id AS patientId, ${PATIENT_NAME_SQL} AS patient,
               r.follow_up_date AS followUpDate
        FROM reviews r JOIN patients pt ON pt.id = r.patient_id AND pt.deleted_at IS NULL
        WHERE r.status = 'completed' AND r.follow_up_date <= ${weekAhead}
          AND NOT EXISTS (SELECT 1 FROM reviews later
                          WHERE later.patient_id = r.patient_id AND later.created_at > r.completed_at)
        ORDER BY r.follow_up_date`,
  );
  const year = Number(today.slice(0, 4));
  const quarterStart = `${year}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const tmrsDue = await all<TodayWork['tmrsDue'][number]>(
    db,
    sql`SELECT e.patient_id AS patientId, ${PATIENT_NAME_SQL} AS patient,
               (SELECT max(coalesce(t.cmr_date, substr(t.completed_at, 1, 10))) FROM reviews t
                WHERE t.patient_id = e.patient_id AND t.type = 'tmr' AND t.status = 'completed') AS lastTmr
        FROM mtm_enrollments e JOIN patients pt ON pt.id = e.patient_id AND pt.deleted_at IS NULL
        WHERE e.contract_year = ${year} AND e.enrolled_date IS NOT NULL AND e.opt_out_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM reviews t
                          WHERE t.patient_id = e.patient_id AND t.type = 'tmr' AND t.status = 'completed'
                          AND coalesce(t.cmr_date, substr(t.completed_at, 1, 10)) >= ${quarterStart})
        ORDER BY pt.last_name, pt.first_name`,
  );
  return { inProgress, overdueResponses, followUpsDue, tmrsDue, cmrOffersDue: await cmrOffersDue(db, today) };
}
