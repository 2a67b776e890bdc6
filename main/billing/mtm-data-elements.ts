// The Part D MTM programme's beneficiary-level data elements for a contract year, one row per
// patient the pharmacy targeted or enrolled, from one set-based query plus the year's screening.
import type { DataSource } from 'typeorm';
import { CMR_OFFER_LABELS } from '../../preload/schemas/eligibility';
import { DELIVERY_LABELS, RECIPIENT_LABELS } from '../../preload/schemas/reviews';
import { csvTable } from '../../preload/csv';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';
import { screenPatients } from '../eligibility/screening';
import { todayIso } from '../../preload/schemas/dates';

// Column order after the 2019 layout of the beneficiary-level file (mtm-primer: "verify current").
const HEADER = [
  'Contract number',
  'MBI',
  'Last name',
  'First name',
  'Date of birth',
  'Met targeting criteria',
  'Cognitively impaired',
  'Long-term care',
  'Enrollment date',
  'Date targeted',
  'Opt-out date',
  'Opt-out reason',
  'CMR offered date',
  'CMR offered by',
  'CMR date',
  'CMR delivery',
  'CMR recipient',
  'Written summary sent',
  'TMRs',
  'First TMR date',
  'Recommendations to prescribers',
  'Recommendations resulting in a change',
];

type EnrollmentSteps = Pick<
  Row<'mtm_enrollments'>,
  | 'patient_id'
  | 'enrolled_date'
  | 'targeted_date'
  | 'opt_out_date'
  | 'opt_out_reason'
  | 'cmr_offered_date'
  | 'cmr_completed_date'
>;
/**
 * One beneficiary: enrollment steps, the patient, the year's first CMR (left-joined), counts over the year's reviews.
 */
type ElementsRow = EnrollmentSteps &
  Pick<Row<'patients'>, 'mbi' | 'last_name' | 'first_name' | 'date_of_birth'> & {
    contract: string | null;
    cmr_offered_method: keyof typeof CMR_OFFER_LABELS | null;
    cmr_delivery: keyof typeof DELIVERY_LABELS | null;
    cmr_recipient: keyof typeof RECIPIENT_LABELS | null;
    cognitive: number | null;
    summary_sent: string | null;
    tmrs: number;
    first_tmr: string | null;
    recommendations: number;
    changes: number;
  };

export async function mtmDataElements(
  db: DataSource,
  contractYear: number,
): Promise<{ fileName: string; content: string; rows: number }> {
  const [from, to] = [`${contractYear}-01-01`, `${contractYear}-12-31`];
  const rows = await all<ElementsRow>(
    db,
    sql`WITH year_reviews AS (
       SELECT * FROM reviews
       WHERE status = 'completed' AND coalesce(cmr_date, substr(completed_at, 1, 10)) BETWEEN ${from} AND ${to}
     ), cmr AS (
       SELECT patient_id, delivery_method, recipient, cognitive_impairment, summary_sent_date,
              row_number() OVER (PARTITION BY patient_id ORDER BY cmr_date) AS n
       FROM year_reviews WHERE type = 'cmr'
     )
     SELECT e.patient_id, p.part_d_contract_id AS contract, p.mbi, p.last_name, p.first_name, p.date_of_birth,
            e.enrolled_date, e.targeted_date, e.opt_out_date, e.opt_out_reason, e.cmr_offered_date, e.cmr_offered_method,
            e.cmr_completed_date, c.delivery_method AS cmr_delivery, c.recipient AS cmr_recipient,
            c.cognitive_impairment AS cognitive, c.summary_sent_date AS summary_sent,
            (SELECT count(*) FROM year_reviews t WHERE t.patient_id = e.patient_id AND t.type = 'tmr') AS tmrs,
            (SELECT min(coalesce(t.cmr_date, substr(t.completed_at, 1, 10))) FROM year_reviews t
              WHERE t.patient_id = e.patient_id AND t.type = 'tmr') AS first_tmr,
            (SELECT count(*) FROM review_recommendations rr JOIN year_reviews y ON y.id = rr.review_id
              WHERE y.patient_id = e.patient_id AND rr.actor = 'prescriber') AS recommendations,
            (SELECT count(*) FROM review_recommendations rr JOIN year_reviews y ON y.id = rr.review_id
              WHERE y.patient_id = e.patient_id AND rr.actor = 'prescriber'
                AND rr.outcome IN ('accepted', 'modified')) AS changes
     FROM mtm_enrollments e JOIN patients p ON p.id = e.patient_id AND p.deleted_at IS NULL
     LEFT JOIN cmr c ON c.patient_id = e.patient_id AND c.n = 1
     WHERE e.contract_year = ${contractYear}
     ORDER BY p.last_name, p.first_name`,
  );
  const screening = await screenPatients(db, contractYear, to < todayIso() ? to : undefined);
  const met = new Map(screening.patients.map((s) => [s.patientId, s.result === 'eligible']));
  const yn = (v: boolean | null | undefined) => (v === null || v === undefined ? '' : v ? 'Y' : 'N');
  const content = csvTable(
    HEADER,
    rows.map((r) => [
      r.contract,
      r.mbi,
      r.last_name,
      r.first_name,
      r.date_of_birth,
      yn(met.get(r.patient_id) ?? false),
      yn(r.cognitive === null ? null : Boolean(r.cognitive)),
      // The pharmacy does not record long-term-care residence: left blank rather than guessed.
      '',
      r.enrolled_date,
      r.targeted_date,
      r.opt_out_date,
      r.opt_out_reason,
      r.cmr_offered_date,
      r.cmr_offered_method && CMR_OFFER_LABELS[r.cmr_offered_method],
      r.cmr_completed_date,
      r.cmr_delivery && DELIVERY_LABELS[r.cmr_delivery],
      r.cmr_recipient && RECIPIENT_LABELS[r.cmr_recipient],
      r.summary_sent,
      r.tmrs,
      r.first_tmr,
      r.recommendations,
      r.changes,
    ]),
  );
  return { fileName: `mtm-data-elements-${contractYear}.csv`, content, rows: rows.length };
}
