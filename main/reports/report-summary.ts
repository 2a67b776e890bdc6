// Every report figure for a date range, from set-based queries (one per report; adherence reads
// the year's fills in one query and measures them in memory).
import type { DataSource } from 'typeorm';
import { STAR_MEASURE_LABELS } from '../../preload/schemas/adherence';
import type { ReportSummary, Share } from '../../preload/schemas/reports';
import { isoDaysBefore } from '../../preload/schemas/dates';
import { adherenceMeasure, type AdherenceRule } from '../checks/adherence';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { PRESCRIBER_NAME_SQL } from '../reviews/review-parts';
import { forEachPatientsFills } from '../adherence/patient-fills';

const rate = (part: number, whole: number) => (whole ? part / whole : null);
/** The review's date of service: its CMR date, else the day it was signed. */
const SERVICE = `coalesce(r.cmr_date, substr(r.completed_at, 1, 10))`;

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
const inPeriod = `JOIN reviews r ON r.id = rr.review_id AND ${SERVICE} BETWEEN ? AND ?`;

/** One set-based query per report, under its place in the summary and its title on the Reports screen (the benchmark times each). */
const report = <T>(title: string, run: (db: DataSource, period: Period) => Promise<T>) => ({ title, run });

export const REPORTS = {
  cmr: report('Comprehensive medication reviews', async (db, { from, to }) => {
    const [cmr] = (await db.query(
      `SELECT (SELECT count(*) FROM mtm_enrollments WHERE cmr_offered_date BETWEEN ? AND ?) AS offered,
              (SELECT count(*) FROM reviews r WHERE r.type = 'cmr' AND r.status = 'completed' AND ${SERVICE} BETWEEN ? AND ?) AS completed`,
      [from, to, from, to],
    )) as [{ offered: number; completed: number }];
    return { ...cmr, rate: rate(cmr.completed, cmr.offered) };
  }),
  tmrByQuarter: report('TMRs per enrolled patient, by quarter', async (db, { from, to }) => {
    const out: ReportSummary['tmrByQuarter'] = [];
    for (const q of quarters(from, to)) {
      const [row] = (await db.query(
        `SELECT (SELECT count(*) FROM reviews r WHERE r.type = 'tmr' AND r.status = 'completed' AND ${SERVICE} BETWEEN ? AND ?) AS tmrs,
                (SELECT count(*) FROM mtm_enrollments WHERE contract_year = ? AND enrolled_date <= ? AND (opt_out_date IS NULL OR opt_out_date >= ?)) AS enrolled`,
        [q.start, q.end, Number(q.start.slice(0, 4)), q.end, q.start],
      )) as [{ tmrs: number; enrolled: number }];
      out.push({ quarter: q.quarter, ...row, perEnrolled: rate(row.tmrs, row.enrolled) });
    }
    return out;
  }),
  programme: report('Targeted, enrolled and opted out, by contract', async (db, { from, to }) =>
    (await db.query(
      `SELECT coalesce(p.part_d_contract_id, p.part_d_plan_name, 'No plan recorded') AS contract, count(e.targeted_date) AS targeted, count(e.enrolled_date) AS enrolled, count(e.opt_out_date) AS optedOut
       FROM mtm_enrollments e JOIN patients p ON p.id = e.patient_id AND p.deleted_at IS NULL WHERE e.contract_year BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
      [Number(from.slice(0, 4)), Number(to.slice(0, 4))],
    )) as ReportSummary['programme']),
  problems: report('Drug-therapy problems by category and severity', async (db, { from, to }) =>
    (await db.query(
      `SELECT category, severity, count(*) AS count FROM drug_therapy_problems WHERE substr(created_at, 1, 10) BETWEEN ? AND ? GROUP BY category, severity ORDER BY count DESC, category`,
      [from, to],
    )) as ReportSummary['problems']),
  outcomes: report('Recommendations to prescribers, by outcome', async (db, { from, to }) =>
    (await db.query(
      `SELECT coalesce(rr.outcome, 'pending') AS outcome, count(*) AS count FROM review_recommendations rr ${inPeriod} WHERE rr.actor = 'prescriber' GROUP BY 1 ORDER BY 2 DESC`,
      [from, to],
    )) as ReportSummary['outcomes']),
  prescribers: report('Acceptance rate per prescriber', async (db, { from, to }) =>
    ((await db.query(
      `SELECT ${PRESCRIBER_NAME_SQL} AS prescriber, count(*) AS sent, count(rr.outcome) AS answered, sum(rr.outcome IN ('accepted', 'modified')) AS changed
       FROM review_recommendations rr ${inPeriod} JOIN prescribers p ON p.id = rr.prescriber_id WHERE rr.actor = 'prescriber' GROUP BY p.id ORDER BY sent DESC, prescriber`,
      [from, to],
    )) as { prescriber: string; sent: number; answered: number; changed: number }[]).map((p) => ({ ...p, rate: rate(p.changed, p.answered) }))),
  adherence: report('Patients at 80% PDC or better, per Star measure', async (db, { to }) => {
    const [now, prior] = [await adherenceShares(db, to), await adherenceShares(db, isoDaysBefore(to, 365))];
    return BUNDLED_RULES.filter((r): r is AdherenceRule => r.family === 'adherence').map((r) => ({ ruleId: r.id, label: STAR_MEASURE_LABELS[r.id] ?? r.id, now: now.get(r.id)!, prior: prior.get(r.id)! }));
  }),
  claimsByStatus: report('Claims by status', async (db, { from, to }) =>
    (await db.query(
      `SELECT status, count(*) AS count, sum(total_cents) AS billedCents, coalesce(sum(paid_cents), 0) AS paidCents FROM claims WHERE service_date BETWEEN ? AND ? AND frequency = '1' GROUP BY status ORDER BY count DESC`,
      [from, to],
    )) as ReportSummary['claimsByStatus']),
  denials: report('Denial and rejection reasons', async (db, { from, to }) =>
    (await db.query(
      `SELECT denial_reason AS reason, count(*) AS count FROM claims WHERE service_date BETWEEN ? AND ? AND status IN ('denied', 'rejected') GROUP BY 1 ORDER BY 2 DESC`,
      [from, to],
    )) as ReportSummary['denials']),
  revenueByMonth: report('MTM revenue per month', async (db, { from, to }) =>
    (await db.query(
      `SELECT substr(service_date, 1, 7) AS month, sum(total_cents) AS billedCents, coalesce(sum(paid_cents), 0) AS paidCents FROM claims
       WHERE service_date BETWEEN ? AND ? AND frequency = '1' AND status != 'voided' GROUP BY 1 ORDER BY 1`,
      [from, to],
    )) as ReportSummary['revenueByMonth']),
  timeByType: report('Pharmacist time per review type', async (db, { from, to }) =>
    ((await db.query(
      `SELECT r.type, count(*) AS reviews, sum(r.timer_seconds) / 60 AS minutes FROM reviews r WHERE r.status = 'completed' AND ${SERVICE} BETWEEN ? AND ? GROUP BY r.type ORDER BY r.type`,
      [from, to],
    )) as { type: string; reviews: number; minutes: number }[]).map((t) => ({ ...t, average: rate(t.minutes, t.reviews) }))),
} satisfies { [K in Exclude<keyof ReportSummary, 'period' | 'elapsedMs'>]: { title: string; run: (db: DataSource, period: Period) => Promise<ReportSummary[K]> } };

export async function reportSummary(db: DataSource, from: string, to: string): Promise<ReportSummary> {
  const started = performance.now();
  const period = { from, to };
  const figures: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(REPORTS)) figures[key] = await r.run(db, period);
  return { period, ...(figures as Omit<ReportSummary, 'period' | 'elapsedMs'>), elapsedMs: Math.round(performance.now() - started) };
}
