// What a review holds besides its own row: the reconciliation, the problems it plans for, the plan,
// the prescriber communications and the addenda. Read together so the screen, the finalize check
// and the SOAP draft all see the same thing.
import type { EntityManager } from 'typeorm';
import type { DrugTherapyProblem } from '../../preload/schemas/checks';
import type { Addendum, PrescriberCommunication, Recommendation, ReconciliationEntry, Review, ReviewLine } from '../../preload/schemas/reviews';
import { CURRENT_FILL_SQL } from '../checks/current-fills';
import { toProblem, type ProblemRow } from '../checks/problems';
import { reconcile } from './reconciliation';
import { todayIso } from '../../preload/schemas/dates';

export type Q = Pick<EntityManager, 'query'>;
export type ReviewRow = {
  id: string; patient_id: string; type: Review['type']; status: Review['status']; pharmacist: string; delivery_method: Review['deliveryMethod'];
  recipient: Review['recipient']; caregiver_name: string | null; caregiver_relationship: string | null; cognitive_impairment: number; cmr_offered_date: string | null;
  cmr_offered_method: Review['cmrOfferedMethod']; cmr_date: string | null; summary_sent_date: string | null; concerns: string | null; current_step: number;
  timer_seconds: number; timer_running_since: string | null; reconciliation_snapshot: string | null; version: number; created_at: string; updated_at: string; updated_by: string;
  completed_at: string | null; problems_confirmed_at: string | null; problems_confirmed_by: string | null; referrals: string | null; education: string | null;
  soap_note: string | null; follow_up_date: string | null; signed_by: string | null;
};

export interface ReviewParts {
  lines: ReviewLine[];
  problems: DrugTherapyProblem[];
  plan: Recommendation[];
  communications: PrescriberCommunication[];
  addenda: Addendum[];
  /** Problems already given a plan in an earlier signed review: a follow-up need not plan them again. */
  plannedBefore: string[];
}

type PlanRow = {
  id: string; problem_id: string; action: Recommendation['action']; actor: Recommendation['actor']; prescriber_id: string | null; prescriber_name: string | null; detail: string;
  talked_about: string; to_do: string; outcome: NonNullable<Recommendation['outcome']>['result'] | null; outcome_date: string | null; outcome_note: string | null; outcome_by: string | null;
};

/** "Maria Okafor, MD": how a prescriber is named on every review screen and letter. */
export const PRESCRIBER_NAME_SQL = `p.first_name || ' ' || p.last_name || coalesce(', ' || p.credentials, '')`;

/** What the patient takes according to each source: the medication list and the pharmacy's current fills. */
async function currentEntries(q: Q, patientId: string, today: string): Promise<ReconciliationEntry[]> {
  const listed = (await q.query('SELECT source, product, rxcui, strength, sig FROM patient_medications WHERE patient_id = ? AND stop_date IS NULL', [patientId])) as ReconciliationEntry[];
  const filled = (await q.query(
    `SELECT coalesce(max(drug_name), drug_key) AS product FROM fills
     WHERE patient_id = ? AND ${CURRENT_FILL_SQL} GROUP BY coalesce(drug_key, drug_name)`,
    [patientId, today],
  )) as { product: string }[];
  return [...listed, ...filled.map((f): ReconciliationEntry => ({ source: 'pharmacyFill', product: f.product }))];
}

/** The reconciliation as it stands now, with how each line was resolved in this review. */
export async function liveLines(q: Q, r: ReviewRow): Promise<ReviewLine[]> {
  const resolved = new Map(((await q.query('SELECT line_key, resolution, note FROM review_reconciliation WHERE review_id = ?', [r.id])) as { line_key: string; resolution: ReviewLine['resolution']; note: string | null }[]).map((x) => [x.line_key, x]));
  return reconcile(await currentEntries(q, r.patient_id, todayIso())).map((l) => ({ ...l, resolution: resolved.get(l.key)?.resolution ?? null, note: resolved.get(l.key)?.note ?? null }));
}

export async function reviewParts(q: Q, r: ReviewRow): Promise<ReviewParts> {
  const lines = r.reconciliation_snapshot ? (JSON.parse(r.reconciliation_snapshot) as ReviewLine[]) : await liveLines(q, r);
  // Open problems, those resolved while the review was open, and any this review planned for; a
  // completed review keeps to what existed when it was signed.
  const problems = ((await q.query(
    `SELECT * FROM drug_therapy_problems WHERE patient_id = ?
       AND (id IN (SELECT problem_id FROM review_recommendations WHERE review_id = ?)
            OR (status = 'open' AND (? IS NULL OR created_at <= ?))
            OR (status = 'resolved' AND resolved_on >= ? AND (? IS NULL OR resolved_on <= ?)))
     ORDER BY created_at`,
    [r.patient_id, r.id, r.completed_at, r.completed_at, r.created_at.slice(0, 10), r.completed_at, r.completed_at],
  )) as ProblemRow[]).map(toProblem);
  const plan = ((await q.query(
    `SELECT rr.*, ${PRESCRIBER_NAME_SQL} AS prescriber_name FROM review_recommendations rr LEFT JOIN prescribers p ON p.id = rr.prescriber_id WHERE rr.review_id = ? ORDER BY rr.created_at, rr.rowid`,
    [r.id],
  )) as PlanRow[]).map(
    (x): Recommendation => ({
      id: x.id, problemId: x.problem_id, action: x.action, actor: x.actor, prescriber: x.prescriber_id ? { id: x.prescriber_id, name: x.prescriber_name! } : null, detail: x.detail,
      talkedAbout: x.talked_about, toDo: x.to_do, outcome: x.outcome ? { result: x.outcome, date: x.outcome_date!, note: x.outcome_note, by: x.outcome_by! } : null,
    }),
  );
  const plannedBefore = ((await q.query(
    `SELECT DISTINCT rr.problem_id FROM review_recommendations rr JOIN reviews o ON o.id = rr.review_id WHERE o.patient_id = ? AND o.id != ? AND o.status = 'completed'`,
    [r.patient_id, r.id],
  )) as { problem_id: string }[]).map((x) => x.problem_id);
  return { lines, problems, plan, plannedBefore, communications: await communications(q, r.id, plan), addenda: (await q.query('SELECT id, text, created_at AS createdAt, created_by AS createdBy FROM review_addenda WHERE review_id = ? ORDER BY created_at', [r.id])) as Addendum[] };
}

/** The prescriber recommendations grouped per prescriber, with how and when each group was sent. */
async function communications(q: Q, reviewId: string, plan: Recommendation[]): Promise<PrescriberCommunication[]> {
  const ids = [...new Set(plan.flatMap((x) => (x.prescriber ? [x.prescriber.id] : [])))];
  if (!ids.length) return [];
  const rows = (await q.query(
    `SELECT p.id, ${PRESCRIBER_NAME_SQL} AS name, p.fax, p.phone, c.method, c.sent_date, c.due_date FROM prescribers p
     LEFT JOIN review_communications c ON c.prescriber_id = p.id AND c.review_id = ? WHERE p.id IN (${ids.map(() => '?').join(', ')}) ORDER BY p.last_name, p.first_name`,
    [reviewId, ...ids],
  )) as { id: string; name: string; fax: string | null; phone: string | null; method: PrescriberCommunication['method']; sent_date: string | null; due_date: string | null }[];
  return rows.map((p) => ({
    prescriber: { id: p.id, name: p.name, fax: p.fax, phone: p.phone }, method: p.method, sentDate: p.sent_date, dueDate: p.due_date,
    recommendationIds: plan.filter((x) => x.prescriber?.id === p.id).map((x) => x.id),
  }));
}
