// Claims for signed reviews: coded from the review's minutes under the payer's unit rule, new or
// established from the pharmacy's own history, never two live claims for one review and payer,
// and moved through their states by what the clearinghouse and remittance say.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type {
  Claim,
  ClaimLine,
  Payer,
  ClaimPreview,
  ClaimStatus,
  claimActionRequest,
  claimCreateRequest,
  ClaimAction,
} from '../../preload/schemas/billing';
import {
  CLAIM_ACTIONS,
  CLAIM_STATUS_LABELS,
  MODIFIER_LABELS,
  PLACE_OF_SERVICE_LABELS,
} from '../../preload/schemas/billing';
import { lastFirst } from '../../preload/person-name';
import type { SignedInUser } from '../../preload/schemas/security';
import billing from '../../resources/billing/mtm-billing.json';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q, type Sql } from '../db/sql';
import { billingProvider, listPayers, payer as loadPayer, renderingPharmacist } from './billing-setup';
import { defaultPayer, planWarning, type PatientPlan } from './plan-match';
import { codeService } from './cpt-units';
import { lockRow } from '../db/dialect';

type ClaimRow = Omit<Row<'claims'>, 'status' | 'frequency' | 'place_of_service' | 'modifier'> & {
  status: ClaimStatus;
  frequency: Claim['frequency'];
  place_of_service: Claim['placeOfService'];
  modifier: Claim['modifier'];
  payer_name: string;
  patient_last_name: string;
  patient_first_name: string;
  patient_contract_id: string | null;
  patient_plan_name: string | null;
};

const SELECT = sql`SELECT c.*, p.name AS payer_name, pt.last_name AS patient_last_name,
    pt.first_name AS patient_first_name, pt.part_d_contract_id AS patient_contract_id,
    pt.part_d_plan_name AS patient_plan_name
  FROM claims c JOIN payers p ON p.id = c.payer_id JOIN patients pt ON pt.id = c.patient_id`;
/** The claim, its payer checked against the patient's plan as the registry records it now. */
const toClaim = (r: ClaimRow, payers: Payer[]): Claim => ({
  id: r.id,
  claimNumber: r.claim_number,
  reviewId: r.review_id,
  payerId: r.payer_id,
  payerName: r.payer_name,
  patientId: r.patient_id,
  patientName: lastFirst({ lastName: r.patient_last_name, firstName: r.patient_first_name }),
  renderingUsername: r.rendering_username,
  status: r.status,
  frequency: r.frequency,
  replacesClaimId: r.replaces_claim_id,
  serviceDate: r.service_date,
  minutes: r.minutes,
  established: Boolean(r.established),
  establishedOverride: r.established_override,
  lines: JSON.parse(r.lines) as ClaimLine[],
  diagnoses: JSON.parse(r.diagnoses) as string[],
  totalCents: r.total_cents,
  explanation: r.explanation,
  batchId: r.batch_id,
  paidCents: r.paid_cents,
  paidDate: r.paid_date,
  denialReason: r.denial_reason,
  placeOfService: r.place_of_service,
  modifier: r.modifier,
  payerClaimNumber: r.payer_claim_number,
  planWarning: planWarning(
    { contractId: r.patient_contract_id, planName: r.patient_plan_name },
    payers.find((p) => p.id === r.payer_id)!,
    payers,
  ),
  version: r.version,
});

export async function getClaim(q: Q, id: string): Promise<Claim> {
  const r = await one<ClaimRow>(q, sql`${SELECT} WHERE c.id = ${id}`);
  if (!r) throw notFound('This claim');
  return toClaim(r, await listPayers(q));
}

export async function listClaims(
  q: Q,
  f: { from?: string; to?: string; payerId?: string; status?: ClaimStatus; reviewId?: string },
): Promise<Claim[]> {
  const where: Sql[] = [];
  if (f.from) where.push(sql`c.service_date >= ${f.from}`);
  if (f.to) where.push(sql`c.service_date <= ${f.to}`);
  if (f.payerId) where.push(sql`c.payer_id = ${f.payerId}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.reviewId) where.push(sql`c.review_id = ${f.reviewId}`);
  const rows = await all<ClaimRow>(
    q,
    sql`${SELECT} ${where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty}
        ORDER BY c.service_date, c.claim_number`,
  );
  const payers = await listPayers(q);
  return rows.map((r) => toClaim(r, payers));
}

/**
 * A live claim for the same review and payer: not denied, rejected or voided, not a void itself, and not replaced by a
 * later one.
 */
type Duplicate = Pick<ClaimRow, 'claim_number' | 'status'>;
async function duplicateOf(q: Q, reviewId: string, payerId: string): Promise<Duplicate | undefined> {
  return one<Duplicate>(
    q,
    sql`SELECT claim_number, status FROM claims c
        WHERE review_id = ${reviewId} AND payer_id = ${payerId}
          AND status NOT IN ('denied', 'rejected', 'voided') AND frequency != '8'
          AND NOT EXISTS (SELECT 1 FROM claims r WHERE r.replaces_claim_id = c.id)`,
  );
}

/** Established when the pharmacy signed another review for the patient in the three years before this service. */
async function isEstablished(q: Q, patientId: string, reviewId: string, serviceDate: string): Promise<boolean> {
  const years = billing.cpt.establishedWithinYears;
  const since = `${Number(serviceDate.slice(0, 4)) - years}${serviceDate.slice(4)}`;
  const r = await one<{ found: number }>(
    q,
    sql`SELECT 1 AS found FROM reviews
        WHERE patient_id = ${patientId} AND id != ${reviewId} AND status = 'completed'
          AND coalesce(cmr_date, substr(completed_at, 1, 10)) BETWEEN ${since} AND ${serviceDate}
        LIMIT 1`,
  );
  return Boolean(r);
}

type BilledReview = Pick<
  Row<'reviews'>,
  | 'id'
  | 'patient_id'
  | 'status'
  | 'cmr_date'
  | 'completed_at'
  | 'face_to_face_minutes'
  | 'signed_by'
  | 'delivery_method'
>;

/** What a claim file needs of the patient and the registry lacks now: a member ID or MBI, the full address. */
export type PatientGap = 'memberId' | 'address';

export async function patientGaps(q: Q, patientId: string): Promise<PatientGap[]> {
  return (await patientsGaps(q, [patientId])).get(patientId) ?? ['memberId', 'address'];
}

/** What each patient's record lacks for a claim file, by patient id (a patient not found lacks everything). */
export async function patientsGaps(q: Q, patientIds: string[]): Promise<Map<string, PatientGap[]>> {
  const rows = await all<
    Pick<Row<'patients'>, 'id' | 'part_d_member_id' | 'mbi' | 'address_line1' | 'city' | 'state' | 'zip'>
  >(
    q,
    sql`SELECT id, part_d_member_id, mbi, address_line1, city, state, zip FROM patients
        WHERE id IN (${sql.list(patientIds)})`,
  );
  const byId = new Map(rows.map((p) => [p.id, p]));
  return new Map(
    patientIds.map((id) => {
      const p = byId.get(id);
      const gaps: PatientGap[] = [];
      if (!p?.part_d_member_id && !p?.mbi) gaps.push('memberId');
      if (!p?.address_line1 || !p.city || !p.state || !p.zip) gaps.push('address');
      return [id, gaps];
    }),
  );
}

/** The coded lines priced at the payer's fees, each pointing at the claim's diagnoses. */
const pricedLines = (
  coded: ReturnType<typeof codeService>,
  payer: Pick<Payer, 'fees'>,
  pointers: number[],
): ClaimLine[] =>
  coded.lines.map((l) => ({ ...l, chargeCents: payer.fees[l.code as keyof typeof payer.fees] * l.units, pointers }));
const totalOf = (lines: ClaimLine[]) => lines.reduce((sum, l) => sum + l.chargeCents, 0);

/**
 * A correction sent after the review's minutes were corrected (a minutes addendum) is coded from the corrected minutes;
 * otherwise it repeats the claim as it was. Null when the minutes are unchanged.
 */
async function recodedForCorrection(em: Q, c: Claim): Promise<Sql | null> {
  const review = await one<Pick<Row<'reviews'>, 'face_to_face_minutes'>>(
    em,
    sql`SELECT face_to_face_minutes FROM reviews WHERE id = ${c.reviewId}`,
  );
  const minutes = review?.face_to_face_minutes;
  if (minutes == null || minutes === c.minutes) return null;
  const payer = await loadPayer(em, c.payerId);
  const coded = codeService(minutes, payer.unitRule, c.established);
  if (!coded.units)
    throw new AppError(
      'validation',
      `The review's minutes were corrected to ${minutes}, which is nothing to bill (${coded.explanation}). Void ${c.claimNumber} instead of correcting it.`,
    );
  const lines = pricedLines(coded, payer, c.lines[0]?.pointers ?? [1]);
  const explanation = `${coded.explanation} Corrected from ${c.minutes} minutes by the review's minutes addendum.`;
  return sql`${minutes}, ${JSON.stringify(lines)}, ${totalOf(lines)}, ${explanation}`;
}

/** Everything a claim for the review would say, checked; nothing is saved. */
async function planClaim(
  em: Q,
  req: z.output<typeof claimCreateRequest>,
): Promise<
  ClaimPreview & { reviewId: string; payerId: string; patientId: string; rendering: string; override: string | null }
> {
  const review = await one<BilledReview>(
    em,
    sql`SELECT id, patient_id, status, cmr_date, completed_at, face_to_face_minutes, signed_by, delivery_method
        FROM reviews WHERE id = ${req.reviewId}`,
  );
  if (!review) throw notFound('This review');
  if (review.status !== 'completed')
    throw new AppError('validation', 'Only a signed review can be billed. Finalize it first.');
  const plan = await one<PatientPlan>(
    em,
    sql`SELECT part_d_contract_id AS "contractId", part_d_plan_name AS "planName" FROM patients
        WHERE id = ${review.patient_id}`,
  );
  const payers = await listPayers(em);
  const payer = req.payerId ? await loadPayer(em, req.payerId) : defaultPayer(plan!, payers);
  if (!payer.active)
    throw new AppError(
      'validation',
      `${payer.name} is marked inactive. Reactivate it under Billing set-up to bill it.`,
    );
  const duplicate = await duplicateOf(em, review.id, payer.id);
  if (duplicate)
    throw new AppError(
      'conflict',
      `This review is already billed to ${payer.name} on claim ${duplicate.claim_number} (${CLAIM_STATUS_LABELS[duplicate.status].toLowerCase()}). Void it, or wait for its denial, before billing again.`,
    );

  const missing: string[] = [];
  if (!(await billingProvider(em))) missing.push('the pharmacy’s billing details (NPI, EIN, taxonomy, ZIP+4)');
  const signer = /\(([^)]+)\)$/.exec(review.signed_by ?? '')?.[1] ?? '';
  const rendering = await renderingPharmacist(em, signer);
  if (!rendering) missing.push(`the NPI and taxonomy of ${signer || 'the signing pharmacist'}`);
  const gaps = await patientGaps(em, review.patient_id);
  if (gaps.includes('memberId')) missing.push('the patient’s member ID or MBI');
  if (gaps.includes('address')) missing.push('the patient’s full address');
  const conditions = await all<Pick<Row<'patient_conditions'>, 'code'>>(
    em,
    sql`SELECT code FROM patient_conditions WHERE patient_id = ${review.patient_id} AND resolved_on IS NULL
        ORDER BY created_at LIMIT 12`,
  );
  const diagnoses = conditions.map((c) => c.code);
  if (!diagnoses.length) missing.push('at least one active condition (ICD-10-CM) for the diagnosis');
  if (missing.length)
    throw new AppError(
      'validation',
      `The claim cannot be made yet. Add ${missing.join('; ')}.`,
      undefined,
      missing.map((m) => ({ field: 'claim', message: `Add ${m}` })),
    );

  const serviceDate = review.cmr_date ?? review.completed_at!.slice(0, 10);
  const computedEstablished = await isEstablished(em, review.patient_id, review.id, serviceDate);
  const established = req.established?.value ?? computedEstablished;
  // The face-to-face minutes confirmed at sign-off (or by a later minutes addendum), set on every signed review.
  const minutes = review.face_to_face_minutes!;
  const coded = codeService(minutes, payer.unitRule, established);
  if (!coded.units) throw new AppError('validation', `Nothing to bill: ${coded.explanation}`);
  const pointers = diagnoses.slice(0, 4).map((_, i) => i + 1);
  const remote = review.delivery_method === 'telephone' || review.delivery_method === 'video';
  const placeOfService = remote ? payer.remotePlaceOfService : (billing.placeOfService.pharmacy as '01');
  // The payer's modifier for the way the review was held; an in-person review never carries one.
  const choice =
    review.delivery_method === 'video'
      ? payer.videoModifier
      : review.delivery_method === 'telephone'
        ? payer.audioModifier
        : undefined;
  const modifier = !choice || choice === 'none' ? null : choice;
  const where = `Place of service ${PLACE_OF_SERVICE_LABELS[placeOfService]}${remote ? ` (${review.delivery_method} review; ${payer.name}'s setting)` : ''}.${modifier ? ` Modifier ${MODIFIER_LABELS[modifier]} on each line (${payer.name}'s setting for ${review.delivery_method} reviews).` : ''}`;
  const lines = pricedLines(coded, payer, pointers);
  return {
    reviewId: review.id,
    payerId: payer.id,
    patientId: review.patient_id,
    rendering: rendering!.username,
    payerName: payer.name,
    planWarning: planWarning(plan!, payer, payers),
    serviceDate,
    minutes,
    established,
    computedEstablished,
    lines,
    diagnoses,
    totalCents: totalOf(lines),
    explanation: `${coded.explanation} ${where}`,
    placeOfService,
    modifier,
    override:
      req.established && req.established.value !== computedEstablished
        ? `${req.established.value ? 'Established' : 'New'} patient by the pharmacist (computed ${computedEstablished ? 'established' : 'new'}): ${req.established.reason}`
        : null,
  };
}

export async function previewClaim(db: DataSource, req: z.output<typeof claimCreateRequest>): Promise<ClaimPreview> {
  const {
    payerId,
    payerName,
    planWarning: warning,
    serviceDate,
    minutes,
    established,
    computedEstablished,
    lines,
    diagnoses,
    totalCents,
    explanation,
    placeOfService,
    modifier,
  } = await planClaim(db.manager, req);
  return {
    payerId,
    payerName,
    planWarning: warning,
    serviceDate,
    minutes,
    established,
    computedEstablished,
    lines,
    diagnoses,
    totalCents,
    explanation,
    placeOfService,
    modifier,
  };
}

export async function createClaim(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof claimCreateRequest>,
): Promise<Claim> {
  const id = await db.transaction(async (em) => {
    const c = await planClaim(em, req);
    const count = await one<{ n: number }>(em, sql`SELECT count(*) AS n FROM claims WHERE review_id = ${c.reviewId}`);
    const { n } = count!;
    const claimId = randomUUID();
    const now = new Date().toISOString();
    await run(
      em,
      sql`INSERT INTO claims (id, claim_number, review_id, payer_id, patient_id, rendering_username, status, frequency,
            service_date, minutes, established, established_override, lines, diagnoses, total_cents, explanation,
            place_of_service, modifier, created_at, created_by, updated_at, updated_by)
          VALUES (${claimId}, ${`${c.reviewId.slice(0, 8).toUpperCase()}-${n + 1}`}, ${c.reviewId}, ${c.payerId},
            ${c.patientId}, ${c.rendering}, 'draft', '1', ${c.serviceDate}, ${c.minutes}, ${Number(c.established)},
            ${c.override}, ${JSON.stringify(c.lines)}, ${JSON.stringify(c.diagnoses)}, ${c.totalCents}, ${c.explanation},
            ${c.placeOfService}, ${c.modifier}, ${now}, ${user.username}, ${now}, ${user.username})`,
    );
    return claimId;
  });
  return getClaim(db.manager, id);
}

/** The status a simple action leads to (corrections and voids make a new claim instead). */
const LEADS_TO: Partial<Record<ClaimAction, ClaimStatus>> = {
  ready: 'ready',
  submitted: 'submitted',
  paid: 'paid',
  denied: 'denied',
  rejected: 'rejected',
};

export async function actOnClaim(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof claimActionRequest>,
): Promise<Claim> {
  const resultId = await db.transaction(async (em) => {
    await lockRow(em, 'claims', req.id);
    const c = await getClaim(em, req.id);
    if (c.version !== req.version)
      throw new AppError('conflict', 'This claim was changed after you opened it. Reload, then try again.');
    if (!(CLAIM_ACTIONS[req.action] as readonly ClaimStatus[]).includes(c.status))
      throw new AppError(
        'conflict',
        req.action === 'payerNumber'
          ? `The payer’s claim number is recorded once the payer has paid or denied the claim; ${c.claimNumber} is ${CLAIM_STATUS_LABELS[c.status].toLowerCase()}.`
          : `A ${CLAIM_STATUS_LABELS[c.status].toLowerCase()} claim cannot be marked ${req.action === 'replace' ? 'for correction' : req.action}.`,
      );
    const now = new Date().toISOString();
    // The columns are named in this function only (never from the request).
    const set = async (columns: Partial<Row<'claims'>>) => {
      const changes = sql.join(
        Object.entries(columns).map(([k, v]) => sql`${sql.identifiers(k)} = ${v}`),
        ', ',
      );
      await run(
        em,
        sql`UPDATE claims SET ${changes}, version = version + 1, updated_at = ${now}, updated_by = ${user.username}
            WHERE id = ${c.id}`,
      );
    };
    // The payer's number, when the remittance gave it with this action.
    const payerNumber =
      'payerClaimNumber' in req && req.payerClaimNumber ? { payer_claim_number: req.payerClaimNumber } : {};
    // A claim the payer never saw is simply voided; one it has seen is corrected or voided by a new claim (frequency 7
    // or 8).
    const neverSent = c.status === 'draft' || c.status === 'ready';
    if (req.action === 'void' && neverSent) return (await set({ status: 'voided' }), c.id);
    if (req.action === 'replace' || req.action === 'void') {
      // Correcting or voiding a claim the payer has adjudicated names it by the payer's own number (REF*F8).
      if ((c.status === 'paid' || c.status === 'denied') && !(payerNumber.payer_claim_number ?? c.payerClaimNumber)) {
        throw new AppError(
          'validation',
          `Enter the payer’s claim number for ${c.claimNumber} (on the remittance): a ${req.action === 'replace' ? 'correction' : 'void'} of an adjudicated claim must carry it.`,
          'payerClaimNumber',
        );
      }
      if (payerNumber.payer_claim_number) await set(payerNumber);
      const recoded = req.action === 'replace' ? await recodedForCorrection(em, c) : null;
      const newId = randomUUID();
      const frequency = req.action === 'replace' ? billing.claimFrequency.replacement : billing.claimFrequency.void;
      const suffix = frequency === billing.claimFrequency.replacement ? 'R' : 'V';
      await run(
        em,
        sql`INSERT INTO claims (id, claim_number, review_id, payer_id, patient_id, rendering_username, status,
          frequency,
              replaces_claim_id, service_date, minutes, lines, total_cents, explanation, established,
              established_override, diagnoses, place_of_service, modifier, created_at, created_by, updated_at, updated_by)
            SELECT ${newId}, claim_number || '-' || ${suffix}, review_id, payer_id, patient_id,
              rendering_username, 'ready',
              ${frequency}, id, service_date,
              ${recoded ?? sql`minutes, lines, total_cents, explanation`}, established, established_override, diagnoses,
              place_of_service, modifier, ${now}, ${user.username}, ${now}, ${user.username}
            FROM claims WHERE id = ${c.id}`,
      );
      if (req.action === 'void') await set({ status: 'voided' });
      return newId;
    }
    if (req.action === 'paid')
      await set({
        status: 'paid',
        paid_cents: Math.round(req.paidAmount * 100),
        paid_date: req.paidDate,
        ...payerNumber,
      });
    else if (req.action === 'denied') await set({ status: 'denied', denial_reason: req.reason, ...payerNumber });
    else if (req.action === 'rejected') await set({ status: 'rejected', denial_reason: req.reason });
    else if (req.action === 'payerNumber') await set({ payer_claim_number: req.payerClaimNumber });
    else await set({ status: LEADS_TO[req.action] });
    return c.id;
  });
  return getClaim(db.manager, resultId);
}
