// Reviews: created as drafts, changed field by field (every change saved, version-checked), moved
// through the state machine, timed, reconciled line by line, and signed. A completed review is
// read-only: it keeps the reconciliation and the note as they were when it was signed.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ageOnIso, todayIso } from '../../preload/schemas/dates';
import type {
  MinutesAddendum,
  Review,
  ReviewAction,
  ReviewSummary,
  reviewCreateRequest,
  reviewUpdateRequest,
  reconcileLineRequest,
} from '../../preload/schemas/reviews';
import { REVIEW_TYPE_LABELS } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import { getClinical } from '../conditions/clinical-store';
import { applyEnrollment, currentEnrollment } from '../eligibility/enrollment-store';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import { appendAudit } from '../security/audit/audit-log';
import { missingToFinalize, warningsBeforeSigning } from './finalize';
import { suggestionFor } from './plan-medicines';
import { liveLines, reviewParts, type ReviewParts, type ReviewRow } from './review-parts';
import { allowedActions, transition } from './review-status';
import { draftSoapNote } from './soap-note';
import { lockRow } from '../db/dialect';

// Review fields and their columns: one table for the update statement and for reading back.
const COLUMNS = {
  deliveryMethod: 'delivery_method',
  recipient: 'recipient',
  caregiverName: 'caregiver_name',
  caregiverRelationship: 'caregiver_relationship',
  cognitiveImpairment: 'cognitive_impairment',
  cmrOfferedDate: 'cmr_offered_date',
  cmrOfferedMethod: 'cmr_offered_method',
  cmrDate: 'cmr_date',
  summarySentDate: 'summary_sent_date',
  concerns: 'concerns',
  currentStep: 'current_step',
  referrals: 'referrals',
  education: 'education',
  soapNote: 'soap_note',
  followUpDate: 'follow_up_date',
} as const;

/** Three months on: CMS expects targeted reviews of enrolled patients at least quarterly. */
function quarterAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCMonth(d.getUTCMonth() + 3, 1);
  d.setUTCDate(Math.min(day, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  return d.toISOString().slice(0, 10);
}

const secondsSpent = (r: ReviewRow, now = Date.now()) =>
  r.timer_seconds + (r.timer_running_since ? Math.round((now - Date.parse(r.timer_running_since)) / 1000) : 0);

/** The action on a review; signing confirms the face-to-face minutes. */
export type ReviewAct = { action: 'complete'; minutes: number } | { action: Exclude<ReviewAction, 'complete'> };

async function loadRow(q: Q, id: string): Promise<ReviewRow> {
  const row = await one<ReviewRow>(q, sql`SELECT * FROM reviews WHERE id = ${id}`);
  if (!row) throw notFound('This review');
  return row;
}

/** The note as it would be drafted now from the record. */
async function soapDraft(q: Q, r: ReviewRow, parts: ReviewParts): Promise<string> {
  const p = await one<Pick<Row<'patients'>, 'date_of_birth' | 'sex' | 'no_known_allergies'>>(
    q,
    sql`SELECT date_of_birth, sex, no_known_allergies FROM patients WHERE id = ${r.patient_id}`,
  );
  const allergies = await all<Pick<Row<'patient_allergies'>, 'substance' | 'reaction'>>(
    q,
    sql`SELECT substance, reaction FROM patient_allergies WHERE patient_id = ${r.patient_id} ORDER BY substance`,
  );
  const clinical = await getClinical(q, r.patient_id);
  return draftSoapNote(r, parts, {
    age: ageOnIso(p!.date_of_birth, r.cmr_date ?? todayIso()),
    sex: p!.sex,
    noKnownAllergies: Boolean(p!.no_known_allergies),
    allergies: allergies.map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance)),
    conditions: clinical.conditions.filter((c) => !c.resolvedOn).map((c) => c.title),
    // Signed: the minutes the pharmacist confirmed; until then, the timer's count.
    minutes: r.face_to_face_minutes ?? Math.round(secondsSpent(r) / 60),
  });
}

const minutesAddenda = (q: Q, reviewId: string) =>
  all<MinutesAddendum>(
    q,
    sql`SELECT id, old_minutes AS "oldMinutes", new_minutes AS "newMinutes", reason, created_at AS "createdAt",
          created_by AS "createdBy"
        FROM review_minutes_addenda WHERE review_id = ${reviewId} ORDER BY created_at`,
  );

async function toReview(q: Q, r: ReviewRow): Promise<Review> {
  const parts = await reviewParts(q, r);
  return {
    id: r.id,
    patientId: r.patient_id,
    type: r.type,
    status: r.status,
    pharmacist: r.pharmacist,
    deliveryMethod: r.delivery_method,
    recipient: r.recipient,
    caregiverName: r.caregiver_name,
    caregiverRelationship: r.caregiver_relationship,
    cognitiveImpairment: Boolean(r.cognitive_impairment),
    cmrOfferedDate: r.cmr_offered_date,
    cmrOfferedMethod: r.cmr_offered_method,
    cmrDate: r.cmr_date,
    summarySentDate: r.summary_sent_date,
    concerns: r.concerns,
    currentStep: r.current_step,
    timer: { seconds: r.timer_seconds, runningSince: r.timer_running_since },
    faceToFaceMinutes: r.face_to_face_minutes,
    minutesAddenda: await minutesAddenda(q, r.id),
    reconciliation: parts.lines,
    problemsConfirmed: r.problems_confirmed_at ? { by: r.problems_confirmed_by!, at: r.problems_confirmed_at } : null,
    problems: parts.problems,
    plan: parts.plan,
    plannedBefore: parts.plannedBefore,
    communications: parts.communications,
    referrals: r.referrals,
    education: r.education,
    soapNote: r.soap_note ?? (await soapDraft(q, r, parts)),
    soapNoteEdited: r.soap_note !== null,
    followUpDate: r.follow_up_date,
    suggestedFollowUp: quarterAfter(r.completed_at?.slice(0, 10) ?? todayIso()),
    suggestions: parts.problems.map((p) => suggestionFor(p, parts.lines)),
    missing: r.status === 'completed' ? [] : missingToFinalize(r, parts),
    warnings: r.status === 'completed' ? [] : warningsBeforeSigning(r, parts),
    signedBy: r.signed_by,
    completedAt: r.completed_at,
    addenda: parts.addenda,
    allowedActions: allowedActions(r.status),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** A patient's reviews, open ones first, newest first. */
export async function patientReviews(db: DataSource, patientId: string): Promise<ReviewSummary[]> {
  await assertLivePatient(db.manager, patientId);
  const rows = await all<Pick<ReviewRow, 'id' | 'type' | 'status' | 'pharmacist' | 'created_at' | 'completed_at'>>(
    db,
    sql`SELECT id, type, status, pharmacist, created_at, completed_at FROM reviews
        WHERE patient_id = ${patientId} ORDER BY status = 'completed', created_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    pharmacist: r.pharmacist,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  }));
}

export const getReview = async (db: DataSource, id: string) => toReview(db.manager, await loadRow(db.manager, id));

/** A new draft; one open review of a type per patient, so two pharmacists never document the same CMR twice. */
export async function createReview(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof reviewCreateRequest>,
): Promise<Review> {
  const id = await db.transaction(async (em) => {
    await assertLivePatient(em, req.patientId);
    const open = await one<Pick<ReviewRow, 'id' | 'pharmacist'>>(
      em,
      sql`SELECT id, pharmacist FROM reviews
          WHERE patient_id = ${req.patientId} AND type = ${req.type} AND status != 'completed'`,
    );
    if (open)
      throw new AppError(
        'conflict',
        `This patient already has an open ${REVIEW_TYPE_LABELS[req.type]} (started by ${open.pharmacist}). Resume it instead.`,
      );
    const newId = randomUUID();
    const now = new Date().toISOString();
    await run(
      em,
      sql`INSERT INTO reviews (id, patient_id, type, status, pharmacist, created_at, updated_at, updated_by)
          VALUES (${newId}, ${req.patientId}, ${req.type}, 'draft', ${user.username}, ${now}, ${now},
            ${user.username})`,
    );
    return newId;
  });
  return getReview(db, id);
}

/**
 * Runs a change on a review at the expected version, then bumps the version. Only what happens
 * after sign-off (sending to a prescriber and the answer, an addendum) may touch a completed review.
 */
export async function change(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  // Typed by the table: a misspelt column does not compile.
  work: (em: EntityManager, r: ReviewRow) => Promise<Partial<Row<'reviews'>>>,
  afterSignOff = false,
): Promise<Review> {
  await db.transaction(async (em) => {
    await lockRow(em, 'reviews', id);
    const r = await loadRow(em, id);
    if (r.status === 'completed' && !afterSignOff)
      throw new AppError('conflict', 'A completed review is read-only; add a dated addendum instead.');
    if (r.version !== version)
      throw new AppError(
        'conflict',
        `This review was changed (by ${r.updated_by}) after you opened it. Reload, then try again.`,
      );
    const columns = {
      ...(await work(em, r)),
      version: r.version + 1,
      updated_at: new Date().toISOString(),
      updated_by: user.username,
    };
    const set = sql.join(
      Object.entries(columns).map(([c, v]) => sql`${sql.identifiers(c)} = ${v}`),
      ', ',
    );
    // The version again in the write: a second signature racing this one changes nothing (and is refused above).
    await run(em, sql`UPDATE reviews SET ${set} WHERE id = ${id} AND version = ${version}`);
  });
  return getReview(db, id);
}

export function updateReview(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof reviewUpdateRequest>,
): Promise<Review> {
  const { problemsConfirmed, ...fields } = req.changes;
  return change(db, user, req.id, req.version, async () => ({
    ...Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [
        COLUMNS[k as keyof typeof COLUMNS],
        typeof v === 'boolean' ? Number(v) : (v ?? null),
      ]),
    ),
    ...(problemsConfirmed === undefined
      ? {}
      : problemsConfirmed
        ? { problems_confirmed_at: new Date().toISOString(), problems_confirmed_by: user.username }
        : { problems_confirmed_at: null, problems_confirmed_by: null }),
  }));
}

/** A completed CMR is the programme's CMR for its contract year (unless the patient opted out). */
async function recordCmrInProgramme(em: EntityManager, user: SignedInUser, r: ReviewRow): Promise<void> {
  const contractYear = Number(r.cmr_date!.slice(0, 4));
  let e = await currentEnrollment(em, r.patient_id, contractYear);
  if (e.status === 'optedOut') return;
  if (
    r.cmr_offered_date &&
    r.cmr_offered_method &&
    !e.cmrOfferedDate &&
    r.cmr_offered_date.startsWith(String(contractYear))
  )
    e = await applyEnrollment(em, user, {
      action: 'offerCmr',
      patientId: r.patient_id,
      contractYear,
      version: e.version,
      date: r.cmr_offered_date,
      method: r.cmr_offered_method,
    });
  await applyEnrollment(em, user, {
    action: 'completeCmr',
    patientId: r.patient_id,
    contractYear,
    version: e.version,
    date: r.cmr_date!,
  });
}

export function actOnReview(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  act: ReviewAct,
): Promise<Review> {
  const { action } = act;
  return change(db, user, id, version, async (em, r) => {
    const status = transition(r.status, action);
    // Starting the review starts its clock; the pharmacist can pause or correct it.
    if (action === 'start') return { status, timer_running_since: r.timer_running_since ?? new Date().toISOString() };
    if (act.action !== 'complete') return { status };
    const parts = await reviewParts(em, r);
    const missing = missingToFinalize(r, parts);
    if (missing.length)
      throw new AppError(
        'validation',
        `The review cannot be finalized yet. Missing: ${missing.map((m) => m.message).join('; ')}.`,
        undefined,
        missing.map((m) => ({ field: `step${m.step}`, message: m.message })),
      );
    const now = new Date().toISOString();
    const seconds = secondsSpent(r, Date.parse(now));
    // The timer keeps what it counted; the minutes billed are those the pharmacist confirms.
    const signed = { ...r, timer_seconds: seconds, timer_running_since: null, face_to_face_minutes: act.minutes };
    if (r.type === 'cmr') await recordCmrInProgramme(em, user, r);
    await appendAudit(em, {
      username: user.username,
      action: 'review.complete',
      category: 'reviews',
      patientId: r.patient_id,
      objectId: r.id,
      outcome: 'success',
      detail: `${REVIEW_TYPE_LABELS[r.type]}, ${act.minutes} min face to face (timer ${Math.round(seconds / 60)} min)`,
    });
    return {
      status,
      completed_at: now,
      reconciliation_snapshot: JSON.stringify(parts.lines),
      timer_seconds: seconds,
      timer_running_since: null,
      face_to_face_minutes: act.minutes,
      soap_note: r.soap_note ?? (await soapDraft(em, signed, parts)),
      signed_by: `${user.fullName} (${user.username})`,
    };
  });
}

/** Start, pause, or correct the time spent (the pharmacist's correction replaces the count). */
export function timeReview(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  timer: 'start' | 'pause' | { correctMinutes: number },
): Promise<Review> {
  return change(db, user, id, version, async (_em, r) => {
    if (timer === 'start') return r.timer_running_since ? {} : { timer_running_since: new Date().toISOString() };
    if (timer === 'pause') return { timer_seconds: secondsSpent(r), timer_running_since: null };
    return { timer_seconds: timer.correctMinutes * 60, timer_running_since: null };
  });
}

export function resolveLine(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof reconcileLineRequest>,
): Promise<Review> {
  return change(db, user, req.id, req.version, async (em, r) => {
    if (!(await liveLines(em, r)).some((l) => l.key === req.lineKey))
      throw new AppError('notFound', 'That medicine is no longer on any list for this patient. Reload the review.');
    await run(
      em,
      sql`INSERT INTO review_reconciliation (review_id, line_key, resolution, note, resolved_at, resolved_by)
          VALUES (${r.id}, ${req.lineKey}, ${req.resolution}, ${req.note ?? null}, ${new Date().toISOString()},
            ${user.username})
          ON CONFLICT (review_id, line_key) DO UPDATE SET resolution = excluded.resolution, note = excluded.note,
            resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by`,
    );
    return {};
  });
}
