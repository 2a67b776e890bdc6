// Every report figure for a date range, from set-based queries (one per report; adherence reads
// the year's fills in one query and measures them in memory).
import type { DataSource } from 'typeorm';
import { STAR_MEASURE_LABELS } from '../../preload/schemas/adherence';
import type { ReportSummary, Share } from '../../preload/schemas/reports';
import { isoDaysBefore } from '../../preload/schemas/dates';
import { adherenceMeasure, type AdherenceRule } from '../checks/adherence';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { all, one, sql, type Sql } from '../db/sql';
import { PRESCRIBER_NAME_SQL } from '../reviews/review-parts';
import { forEachPatientsFills } from '../adherence/patient-fills';

const rate = (part: number, whole: number) => (whole ? part / whole : null);
/** The review's date of service: its CMR date, else the day it was signed. */
const SERVICE = sql`coalesce(r.cmr_date, substr(r.completed_at, 1, 10))`;

function quarters(from: string, to: string): { quarter: string; start: string; end: string }[] {
  const out: { quarter: string; start: string; end: string }[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  while (`${y}-${String(q * 3 + 1).padStart(2, '0')}-01` <= to) {
    const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const endMonth = q * 3 + 3;
    const end = new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
    out.push({ quarter: `${y}-Q${q + 1}`, start, end });
    q = (q + 1) % 4;
    if (q === 0) y++;
  }
  return out;
}

/** Share of measured patients at or above each Star measure's threshold, for the year ending `end`. */
async function adherenceShares(db: DataSource, end: string): Promise<Map<string, Share>> {
  const rules = BUNDLED_RULES.filter((r): r is AdherenceRule => r.family === 'adherence');
  const since = isoDaysBefore(end, 364);
  const shares = new Map(rules.map((r) => [r.id, { measured: 0, atGoal: 0, share: null as number | null }]));
  await forEachPatientsFills(db, since, end, (_, own, diseases) => {
    for (const rule of rules) {
      const m = adherenceMeasure(rule, own, diseases, since, end);
      if (!m) continue;
      const s = shares.get(rule.id)!;
      s.measured++;
      if (m.pdc >= rule.threshold) s.atGoal++;
    }
  });
  for (const s of shares.values()) s.share = rate(s.atGoal, s.measured);
  return shares;
}

type Period = { from: string; to: string };
/** Joins the recommendations (`rr`) to their review (`r`) when it was delivered in the period. */
const inPeriod = ({ from, to }: Period): Sql =>
  sql`JOIN reviews r ON r.id = rr.review_id AND ${SERVICE} BETWEEN ${from} AND ${to}`;

/**
 * One set-based query per report, under its place in the summary and its title on the Reports screen (the benchmark
 * times each).
 */
const report = <T>(title: string, run: (db: DataSource, period: Period) => Promise<T>) => ({ title, run });

export const REPORTS = {
  cmr: report('Comprehensive medication reviews', async (db, { from, to }) => {
    // The Part D display measure "MTM Program Completion Rate for CMR" counts, among the patients enrolled in the MTM
    // programme, those who received a CMR: its denominator is the enrolled, not those offered one.
    const cmr = (await one<Omit<ReportSummary['cmr'], 'rate'>>(
      db,
      sql`WITH enrolled AS (
            SELECT DISTINCT patient_id FROM mtm_enrollments
            WHERE enrolled_date IS NOT NULL AND enrolled_date <= ${to} AND (opt_out_date IS NULL OR opt_out_date >= ${from})),
          cmrs AS (
            SELECT r.patient_id FROM reviews r
            WHERE r.type = 'cmr' AND r.status = 'completed' AND ${SERVICE} BETWEEN ${from} AND ${to})
          SELECT (SELECT count(*) FROM enrolled) AS enrolled,
                 (SELECT count(*) FROM mtm_enrollments WHERE cmr_offered_date BETWEEN ${from} AND ${to}) AS offered,
                 (SELECT count(*) FROM cmrs) AS completed,
                 (SELECT count(DISTINCT c.patient_id) FROM cmrs c JOIN enrolled e ON e.patient_id = c.patient_id)
                   AS enrolledWithCmr`,
    ))!;
    return { ...cmr, rate: rate(cmr.enrolledWithCmr, cmr.enrolled) };
  }),
  tmrByQuarter: report('TMRs per enrolled patient, by quarter', async (db, { from, to }) => {
    const out: ReportSummary['tmrByQuarter'] = [];
    for (const q of quarters(from, to)) {
      const row = (await one<Pick<ReportSummary['tmrByQuarter'][number], 'tmrs' | 'enrolled'>>(
        db,
        sql`SELECT (SELECT count(*) FROM reviews r
                    WHERE r.type = 'tmr' AND r.status = 'completed' AND ${SERVICE} BETWEEN ${q.start} AND ${q.end})
                     AS tmrs,
                   (SELECT count(*) FROM mtm_enrollments
                    WHERE contract_year = ${Number(q.start.slice(0, 4))} AND enrolled_date <= ${q.end}
                      AND (opt_out_date IS NULL OR opt_out_date >= ${q.start})) AS enrolled`,
      ))!;
      out.push({ quarter: q.quarter, ...row, perEnrolled: rate(row.tmrs, row.enrolled) });
    }
    return out;
  }),
  programme: report('Targeted, enrolled and opted out, by contract', (db, { from, to }) =>
    all<ReportSummary['programme'][number]>(
      db,
      sql`SELECT coalesce(p.part_d_contract_id, p.part_d_plan_name, 'No plan recorded') AS contract,
                 count(e.targeted_date) AS targeted, count(e.enrolled_date) AS enrolled,
                 count(e.opt_out_date) AS optedOut
          FROM mtm_enrollments e JOIN patients p ON p.id = e.patient_id AND p.deleted_at IS NULL
          WHERE e.contract_year BETWEEN ${Number(from.slice(0, 4))} AND ${Number(to.slice(0, 4))}
          GROUP BY 1 ORDER BY 1`,
    ),
  ),
  problems: report('Drug-therapy problems by category and severity', (db, { from, to }) =>
    all<ReportSummary['problems'][number]>(
      db,
      sql`SELECT category, severity, count(*) AS count FROM drug_therapy_problems
          WHERE substr(created_at, 1, 10) BETWEEN ${from} AND ${to}
          GROUP BY category, severity ORDER BY count DESC, category`,
    ),
  ),
  outcomes: report('Recommendations to prescribers, by outcome', (db, period) =>
    all<ReportSummary['outcomes'][number]>(
      db,
      sql`SELECT coalesce(rr.outcome, 'pending') AS outcome, count(*) AS count
          FROM review_recommendations rr ${inPeriod(period)}
          WHERE rr.actor = 'prescriber' GROUP BY 1 ORDER BY 2 DESC`,
    ),
  ),
  prescribers: report('Acceptance rate per prescriber', async (db, period) =>
    (
      await all<Omit<ReportSummary['prescribers'][number], 'rate'>>(
        db,
        sql`SELECT ${PRESCRIBER_NAME_SQL} AS prescriber, count(*) AS sent, count(rr.outcome) AS answered,
                   count(CASE WHEN rr.outcome IN ('accepted', 'modified') THEN 1 END) AS changed
            FROM review_recommendations rr ${inPeriod(period)} JOIN prescribers p ON p.id = rr.prescriber_id
            WHERE rr.actor = 'prescriber' GROUP BY p.id ORDER BY sent DESC, prescriber`,
      )
    ).map((p) => ({ ...p, rate: rate(p.changed, p.answered) })),
  ),
  adherence: report('Patients at 80% PDC or better, per Star measure', async (db, { to }) => {
    const [now, prior] = [await adherenceShares(db, to), await adherenceShares(db, isoDaysBefore(to, 365))];
    return BUNDLED_RULES.filter((r): r is AdherenceRule => r.family === 'adherence').map((r) => ({
      ruleId: r.id,
      label: STAR_MEASURE_LABELS[r.id] ?? r.id,
      now: now.get(r.id)!,
      prior: prior.get(r.id)!,
    }));
  }),
  claimsByStatus: report('Claims by status', (db, { from, to }) =>
    all<ReportSummary['claimsByStatus'][number]>(
      db,
      sql`SELECT status, count(*) AS count, sum(total_cents) AS billedCents, coalesce(sum(paid_cents), 0) AS paidCents
          FROM claims
          WHERE service_date BETWEEN ${from} AND ${to} AND frequency = '1' GROUP BY status ORDER BY count DESC`,
    ),
  ),
  denials: report('Denial and rejection reasons', (db, { from, to }) =>
    all<ReportSummary['denials'][number]>(
      db,
      sql`SELECT denial_reason AS reason, count(*) AS count FROM claims
          WHERE service_date BETWEEN ${from} AND ${to} AND status IN ('denied', 'rejected') GROUP BY 1 ORDER BY 2 DESC`,
    ),
  ),
  revenueByMonth: report('MTM revenue per month', (db, { from, to }) =>
    all<ReportSummary['revenueByMonth'][number]>(
      db,
      sql`SELECT substr(service_date, 1, 7) AS month, sum(total_cents) AS billedCents,
                 coalesce(sum(paid_cents), 0) AS paidCents
          FROM claims WHERE service_date BETWEEN ${from} AND ${to} AND frequency = '1' AND status != 'voided'
          GROUP BY 1 ORDER BY 1`,
    ),
  ),
  timeByType: report('Pharmacist time per review type', async (db, { from, to }) =>
    (
      await all<Omit<ReportSummary['timeByType'][number], 'average'>>(
        db,
        sql`SELECT r.type, count(*) AS reviews, sum(r.timer_seconds) / 60 AS minutes FROM reviews r
            WHERE r.status = 'completed' AND ${SERVICE} BETWEEN ${from} AND ${to} GROUP BY r.type ORDER BY r.type`,
      )
    ).map((t) => ({ ...t, average: rate(t.minutes, t.reviews) })),
  ),
} satisfies {
  [K in Exclude<keyof ReportSummary, 'period' | 'elapsedMs'>]: {
    title: string;
    run: (db: DataSource, period: Period) => Promise<ReportSummary[K]>;
  };
};

export async function reportSummary(db: DataSource, from: string, to: string): Promise<ReportSummary> {
  const started = performance.now();
  const period = { from, to };
  const figures: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(REPORTS)) figures[key] = await r.run(db, period);
  return {
    period,
    ...(figures as Omit<ReportSummary, 'period' | 'elapsedMs'>),
    elapsedMs: Math.round(performance.now() - started),
  };
}
