// Reviews: created as drafts, changed field by field (every change saved, version-checked), moved
// through the state machine, timed, and reconciled line by line. A completed review is read-only
// and keeps the reconciliation as it stood when it was completed.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Review, ReviewLine, ReviewSummary, ReconciliationEntry, reviewCreateRequest, reviewUpdateRequest, reconcileLineRequest, ReviewAction } from '../../preload/schemas/reviews';
import { REVIEW_TYPE_LABELS } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { CURRENT_FILL_SQL } from '../checks/current-fills';
import { AppError, notFound } from '../common/errors';
import { assertLivePatient } from '../patients/patient-store';
import { appendAudit } from '../security/audit/audit-log';
import { reconcile } from './reconciliation';
import { allowedActions, transition } from './review-status';

type Q = Pick<EntityManager, 'query'>;
type Row = {
  id: string; patient_id: string; type: Review['type']; status: Review['status']; pharmacist: string; delivery_method: Review['deliveryMethod'];
  caregiver_name: string | null; caregiver_relationship: string | null; cognitive_impairment: number; cmr_offered_date: string | null;
  cmr_offered_method: Review['cmrOfferedMethod']; cmr_date: string | null; summary_sent_date: string | null; concerns: string | null; current_step: number;
  timer_seconds: number; timer_running_since: string | null; reconciliation_snapshot: string | null; version: number; created_at: string; updated_at: string; updated_by: string;
};

// Review fields and their columns: one table for the update statement and for reading back.
const COLUMNS = {
  deliveryMethod: 'delivery_method', caregiverName: 'caregiver_name', caregiverRelationship: 'caregiver_relationship', cognitiveImpairment: 'cognitive_impairment',
  cmrOfferedDate: 'cmr_offered_date', cmrOfferedMethod: 'cmr_offered_method', cmrDate: 'cmr_date', summarySentDate: 'summary_sent_date', concerns: 'concerns', currentStep: 'current_step',
} as const;

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

async function loadRow(q: Q, id: string): Promise<Row> {
  const [row] = (await q.query('SELECT * FROM reviews WHERE id = ?', [id])) as Row[];
  if (!row) throw notFound('This review');
  return row;
}

async function toReview(q: Q, r: Row): Promise<Review> {
  const lines = r.reconciliation_snapshot ? (JSON.parse(r.reconciliation_snapshot) as ReviewLine[]) : await liveLines(q, r);
  return {
    id: r.id, patientId: r.patient_id, type: r.type, status: r.status, pharmacist: r.pharmacist, deliveryMethod: r.delivery_method,
    caregiverName: r.caregiver_name, caregiverRelationship: r.caregiver_relationship, cognitiveImpairment: Boolean(r.cognitive_impairment),
    cmrOfferedDate: r.cmr_offered_date, cmrOfferedMethod: r.cmr_offered_method, cmrDate: r.cmr_date, summarySentDate: r.summary_sent_date, concerns: r.concerns,
    currentStep: r.current_step, timer: { seconds: r.timer_seconds, runningSince: r.timer_running_since }, reconciliation: lines,
    allowedActions: allowedActions(r.status), version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

async function liveLines(q: Q, r: Row): Promise<ReviewLine[]> {
  const resolved = new Map(((await q.query('SELECT line_key, resolution, note FROM review_reconciliation WHERE review_id = ?', [r.id])) as { line_key: string; resolution: ReviewLine['resolution']; note: string | null }[]).map((x) => [x.line_key, x]));
  return reconcile(await currentEntries(q, r.patient_id, new Date().toISOString().slice(0, 10))).map((l) => ({ ...l, resolution: resolved.get(l.key)?.resolution ?? null, note: resolved.get(l.key)?.note ?? null }));
}

/** A patient's reviews, open ones first, newest first. */
export async function patientReviews(db: DataSource, patientId: string): Promise<ReviewSummary[]> {
  await assertLivePatient(db.manager, patientId);
  const rows = (await db.query(`SELECT id, type, status, pharmacist, created_at, completed_at FROM reviews WHERE patient_id = ? ORDER BY status = 'completed', created_at DESC`, [patientId])) as { id: string; type: ReviewSummary['type']; status: ReviewSummary['status']; pharmacist: string; created_at: string; completed_at: string | null }[];
  return rows.map((r) => ({ id: r.id, type: r.type, status: r.status, pharmacist: r.pharmacist, createdAt: r.created_at, completedAt: r.completed_at }));
}

export const getReview = async (db: DataSource, id: string) => toReview(db.manager, await loadRow(db.manager, id));

/** A new draft; one open review of a type per patient, so two pharmacists never document the same CMR twice. */
export async function createReview(db: DataSource, user: SignedInUser, req: z.output<typeof reviewCreateRequest>): Promise<Review> {
  const id = await db.transaction(async (em) => {
    await assertLivePatient(em, req.patientId);
    const [open] = (await em.query(`SELECT id, pharmacist FROM reviews WHERE patient_id = ? AND type = ? AND status != 'completed'`, [req.patientId, req.type])) as { id: string; pharmacist: string }[];
    if (open) throw new AppError('conflict', `This patient already has an open ${REVIEW_TYPE_LABELS[req.type]} (started by ${open.pharmacist}). Resume it instead.`);
    const newId = randomUUID();
    const now = new Date().toISOString();
    await em.query(`INSERT INTO reviews (id, patient_id, type, status, pharmacist, created_at, updated_at, updated_by) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)`, [newId, req.patientId, req.type, user.username, now, now, user.username]);
    return newId;
  });
  return getReview(db, id);
}

/** Runs a change on an open review at the expected version, then bumps the version. */
async function change(db: DataSource, user: SignedInUser, id: string, version: number, work: (em: EntityManager, r: Row) => Promise<Record<string, unknown>>): Promise<Review> {
  await db.transaction(async (em) => {
    const r = await loadRow(em, id);
    if (r.status === 'completed') throw new AppError('conflict', 'A completed review is read-only; add a dated addendum instead.');
    if (r.version !== version) throw new AppError('conflict', `This review was changed (by ${r.updated_by}) after you opened it. Reload, then try again.`);
    const columns = { ...(await work(em, r)), version: r.version + 1, updated_at: new Date().toISOString(), updated_by: user.username };
    await em.query(`UPDATE reviews SET ${Object.keys(columns).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...Object.values(columns), id]);
  });
  return getReview(db, id);
}

export function updateReview(db: DataSource, user: SignedInUser, req: z.output<typeof reviewUpdateRequest>): Promise<Review> {
  return change(db, user, req.id, req.version, async () =>
    Object.fromEntries(Object.entries(req.changes).map(([k, v]) => [COLUMNS[k as keyof typeof COLUMNS], typeof v === 'boolean' ? Number(v) : (v ?? null)])),
  );
}

/** What stops a review from being completed, in the pharmacist's words (empty when it can be). */
function missingForCompletion(r: Row, lines: ReviewLine[]): string[] {
  const missing: string[] = [];
  if (!r.delivery_method) missing.push('How the review was delivered (in person, telephone, video)');
  if (r.type === 'cmr' && !r.cmr_date) missing.push('The CMR date');
  for (const l of lines.filter((x) => !x.resolution)) missing.push(`Reconciliation: ${l.ingredients.join(' + ') || l.entries[0]!.product} is not resolved`);
  return missing;
}

export function actOnReview(db: DataSource, user: SignedInUser, id: string, version: number, action: ReviewAction): Promise<Review> {
  return change(db, user, id, version, async (em, r) => {
    const status = transition(r.status, action);
    if (status !== 'completed') return { status };
    const lines = await liveLines(em, r);
    const missing = missingForCompletion(r, lines);
    if (missing.length) throw new AppError('validation', `The review cannot be completed yet. Missing: ${missing.join('; ')}.`, undefined, missing.map((m) => ({ field: 'review', message: m })));
    const now = new Date().toISOString();
    const seconds = r.timer_seconds + (r.timer_running_since ? Math.round((Date.parse(now) - Date.parse(r.timer_running_since)) / 1000) : 0);
    await appendAudit(em, { username: user.username, action: 'review.complete', category: 'reviews', patientId: r.patient_id, objectId: r.id, outcome: 'success', detail: `${REVIEW_TYPE_LABELS[r.type]}, ${Math.round(seconds / 60)} min` });
    return { status, completed_at: now, reconciliation_snapshot: JSON.stringify(lines), timer_seconds: seconds, timer_running_since: null };
  });
}

/** Start, pause, or correct the time spent (the pharmacist's correction replaces the count). */
export function timeReview(db: DataSource, user: SignedInUser, id: string, version: number, timer: 'start' | 'pause' | { correctMinutes: number }): Promise<Review> {
  return change(db, user, id, version, async (_em, r) => {
    const now = new Date().toISOString();
    const running = r.timer_running_since ? Math.round((Date.parse(now) - Date.parse(r.timer_running_since)) / 1000) : 0;
    if (timer === 'start') return r.timer_running_since ? {} : { timer_running_since: now };
    if (timer === 'pause') return { timer_seconds: r.timer_seconds + running, timer_running_since: null };
    return { timer_seconds: timer.correctMinutes * 60, timer_running_since: null };
  });
}

export function resolveLine(db: DataSource, user: SignedInUser, req: z.output<typeof reconcileLineRequest>): Promise<Review> {
  return change(db, user, req.id, req.version, async (em, r) => {
    if (!(await liveLines(em, r)).some((l) => l.key === req.lineKey)) throw new AppError('notFound', 'That medicine is no longer on any list for this patient. Reload the review.');
    await em.query(
      `INSERT INTO review_reconciliation (review_id, line_key, resolution, note, resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id, line_key) DO UPDATE SET resolution = excluded.resolution, note = excluded.note, resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by`,
      [r.id, req.lineKey, req.resolution, req.note ?? null, new Date().toISOString(), user.username],
    );
    return {};
  });
}
