// What a review holds besides its own row: the reconciliation, the problems it plans for, the plan,
// the prescriber communications and the addenda. Read together so the screen, the finalize check
// and the SOAP draft all see the same thing.
import type { DrugTherapyProblem } from '../../preload/schemas/checks';
import type {
  Addendum,
  PrescriberCommunication,
  Recommendation,
  ReconciliationEntry,
  Review,
  ReviewLine,
} from '../../preload/schemas/reviews';
import { toProblem, type ProblemRow } from '../checks/problems';
import { insertionOrder } from '../db/dialect';
import type { Row } from '../db/rows';
import { all, sql, type Q, type Sql } from '../db/sql';
import { pharmacyFillEntries, reconcile } from './reconciliation';
import { lineMedicine } from './plan-medicines';
import { todayIso } from '../../preload/schemas/dates';
import { reasonInWords } from '../../preload/schemas/clinical';

type ReviewEnums = 'type' | 'status' | 'delivery_method' | 'recipient' | 'cmr_offered_method';

/** A review as stored, its enum columns narrowed to the domain's types. */
export type ReviewRow = Omit<Row<'reviews'>, ReviewEnums> & {
  type: Review['type'];
  status: Review['status'];
  delivery_method: Review['deliveryMethod'];
  recipient: Review['recipient'];
  cmr_offered_method: Review['cmrOfferedMethod'];
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

type PlanRow = Omit<Row<'review_recommendations'>, 'action' | 'actor' | 'outcome'> & {
  action: Recommendation['action'];
  actor: Recommendation['actor'];
  outcome: NonNullable<Recommendation['outcome']>['result'] | null;
  prescriber_name: string | null;
};
/** A line as a signed review froze it; older snapshots have no medicine name or reason. */
type SnapshotLine = Omit<ReviewLine, 'medicine' | 'reason'> & Partial<Pick<ReviewLine, 'medicine' | 'reason'>>;
type ResolvedRow = Pick<Row<'review_reconciliation'>, 'line_key' | 'note'> & { resolution: ReviewLine['resolution'] };
/** A prescriber on the review, with the communication (if any) their recommendations went out in. */
type CommunicationRow = Pick<Row<'prescribers'>, 'id' | 'fax' | 'phone'> & {
  name: string;
  method: PrescriberCommunication['method'];
  sent_date: string | null;
  due_date: string | null;
};

/** "Maria Okafor, MD": how a prescriber (aliased `p`) is named on every review screen and letter. */
export const PRESCRIBER_NAME_SQL: Sql = sql`p.first_name || ' ' || p.last_name || coalesce(', ' || p.credentials, '')`;

/** What the patient takes according to each source: the medication list and the pharmacy's current fills. */
async function currentEntries(q: Q, patientId: string, today: string): Promise<ReconciliationEntry[]> {
  const listed = await all<ReconciliationEntry>(
    q,
    sql`SELECT source, product, rxcui, strength, sig, prescriber_id AS prescriberId FROM patient_medications
        WHERE patient_id = ${patientId} AND stop_date IS NULL`,
  );
  return [...listed, ...(await pharmacyFillEntries(q, patientId, today))];
}

/** The reconciliation as it stands now, with how each line was resolved in this review. */
export async function liveLines(q: Q, r: ReviewRow): Promise<ReviewLine[]> {
  const rows = await all<ResolvedRow>(
    q,
    sql`SELECT line_key, resolution, note FROM review_reconciliation WHERE review_id = ${r.id}`,
  );
  const resolved = new Map(rows.map((x) => [x.line_key, x]));
  const reasons = await reasonsOnList(q, r.patient_id);
  return reconcile(await currentEntries(q, r.patient_id, todayIso())).map((l) => {
    const entry = l.entries.find((e) => e.source !== 'pharmacyFill');
    const reason = entry && reasons.find((m) => m.source === entry.source && m.product === entry.product)?.indication;
    return {
      ...l,
      resolution: resolved.get(l.key)?.resolution ?? null,
      note: resolved.get(l.key)?.note ?? null,
      medicine: lineMedicine(l),
      // As the medication list prints it: a code in plain words, an unknown code not at all.
      reason: (reason?.trim() && reasonInWords(reason, 'en')) || null,
    };
  });
}

/** The reasons on the patient's current medication list, by the entry they belong to. */
const reasonsOnList = (q: Q, patientId: string) =>
  all<Pick<Row<'patient_medications'>, 'source' | 'product' | 'indication'>>(
    q,
    sql`SELECT source, product, indication FROM patient_medications
        WHERE patient_id = ${patientId} AND stop_date IS NULL ORDER BY created_at`,
  );

export async function reviewParts(q: Q, r: ReviewRow): Promise<ReviewParts> {
  // A review signed before lines carried their medicine's name and reason gets the name (the reason it had is unknown).
  const lines = r.reconciliation_snapshot
    ? (JSON.parse(r.reconciliation_snapshot) as SnapshotLine[]).map((l): ReviewLine => ({
        ...l,
        medicine: l.medicine ?? lineMedicine(l),
        reason: l.reason ?? null,
      }))
    : await liveLines(q, r);
  // Open problems, those resolved while the review was open, and any this review planned for; a
  // completed review keeps to what existed when it was signed.
  const problems = (
    await all<ProblemRow>(
      q,
      sql`SELECT * FROM drug_therapy_problems WHERE patient_id = ${r.patient_id}
            AND (id IN (SELECT problem_id FROM review_recommendations WHERE review_id = ${r.id})
                 OR (status = 'open' AND (CAST(${r.completed_at} AS text) IS NULL OR created_at <= ${r.completed_at}))
                 OR (status = 'resolved' AND resolved_on >= ${r.created_at.slice(0, 10)}
                     AND (CAST(${r.completed_at} AS text) IS NULL OR resolved_on <= ${r.completed_at})))
          ORDER BY created_at`,
    )
  ).map(toProblem);
  const plan = (
    await all<PlanRow>(
      q,
      sql`SELECT rr.*, ${PRESCRIBER_NAME_SQL} AS prescriber_name
          FROM review_recommendations rr LEFT JOIN prescribers p ON p.id = rr.prescriber_id
          WHERE rr.review_id = ${r.id} ORDER BY rr.created_at, ${insertionOrder('rr')}`,
    )
  ).map((x): Recommendation => ({
    id: x.id,
    problemId: x.problem_id,
    action: x.action,
    actor: x.actor,
    prescriber: x.prescriber_id ? { id: x.prescriber_id, name: x.prescriber_name! } : null,
    medicine: x.medicine,
    detail: x.detail,
    talkedAbout: x.talked_about,
    toDo: x.to_do,
    talkedAboutEs: x.talked_about_es,
    toDoEs: x.to_do_es,
    outcome: x.outcome ? { result: x.outcome, date: x.outcome_date!, note: x.outcome_note, by: x.outcome_by! } : null,
  }));
  const plannedBefore = (
    await all<Pick<Row<'review_recommendations'>, 'problem_id'>>(
      q,
      sql`SELECT DISTINCT rr.problem_id FROM review_recommendations rr JOIN reviews o ON o.id = rr.review_id
          WHERE o.patient_id = ${r.patient_id} AND o.id != ${r.id} AND o.status = 'completed'`,
    )
  ).map((x) => x.problem_id);
  const addenda = await all<Addendum>(
    q,
    sql`SELECT id, text, created_at AS createdAt, created_by AS createdBy FROM review_addenda
        WHERE review_id = ${r.id} ORDER BY created_at`,
  );
  return { lines, problems, plan, plannedBefore, communications: await communications(q, r.id, plan), addenda };
}

/** The prescriber recommendations grouped per prescriber, with how and when each group was sent. */
async function communications(q: Q, reviewId: string, plan: Recommendation[]): Promise<PrescriberCommunication[]> {
  const ids = [...new Set(plan.flatMap((x) => (x.prescriber ? [x.prescriber.id] : [])))];
  if (!ids.length) return [];
  const rows = await all<CommunicationRow>(
    q,
    sql`SELECT p.id, ${PRESCRIBER_NAME_SQL} AS name, p.fax, p.phone, c.method, c.sent_date, c.due_date
        FROM prescribers p
        LEFT JOIN review_communications c ON c.prescriber_id = p.id AND c.review_id = ${reviewId}
        WHERE p.id IN (${sql.list(ids)}) ORDER BY p.last_name, p.first_name`,
  );
  return rows.map((p) => ({
    prescriber: { id: p.id, name: p.name, fax: p.fax, phone: p.phone },
    method: p.method,
    sentDate: p.sent_date,
    dueDate: p.due_date,
    recommendationIds: plan.filter((x) => x.prescriber?.id === p.id).map((x) => x.id),
  }));
}
