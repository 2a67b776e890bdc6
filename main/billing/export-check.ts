// What an export would send, checked before anything is written: each ready claim with its problems — missing data
// that stops the export, and a payer that is not the patient's plan, which the pharmacist confirms knowingly.
import type { z } from 'zod';
import type {
  Claim,
  ClaimProblem,
  ClaimRef,
  claimExportPreviewRequest,
  ExportPreview,
} from '../../preload/schemas/billing';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { all, sql, type Q } from '../db/sql';
import { billingProvider, payer as loadPayer, renderingPharmacists } from './billing-setup';
import { listClaims, patientsGaps } from './claims';

type ExportRange = z.output<typeof claimExportPreviewRequest>;

const blocking = (message: string): ClaimProblem => ({ message, blocking: true });

/**
 * A correction (frequency 7) or void (8) of a claim the payer adjudicated (paid or denied) must name it by the payer's
 * own number (837P 2300 REF*F8, CMS-1500 item 22): the problem, by claim id, for each that cannot yet.
 */
async function unnamedCorrections(q: Q, claims: Claim[]): Promise<Map<string, string>> {
  const changing = claims.filter((c) => c.frequency !== '1' && c.replacesClaimId);
  const problems = new Map<string, string>();
  if (!changing.length) return problems;
  const unnamed = await all<Pick<Row<'claims'>, 'id' | 'claim_number'>>(
    q,
    sql`SELECT id, claim_number FROM claims
        WHERE id IN (${sql.list(changing.map((c) => c.replacesClaimId!))})
          AND (status IN ('paid', 'denied') OR paid_date IS NOT NULL)
          AND (payer_claim_number IS NULL OR payer_claim_number = '')`,
  );
  const byId = new Map(unnamed.map((u) => [u.id, u.claim_number]));
  for (const c of changing) {
    const original = byId.get(c.replacesClaimId!);
    if (!original) continue;
    const what = c.frequency === '7' ? 'corrects (frequency 7)' : 'voids (frequency 8)';
    problems.set(
      c.id,
      `Claim ${c.claimNumber} ${what} claim ${original}, which the payer adjudicated, but the payer’s claim number for ${original} is not recorded (837P REF*F8, CMS-1500 item 22). Record it on ${original} (Payer’s no.…, from the remittance), then export again.`,
    );
  }
  return problems;
}

/** The patient and pharmacist details each claim file carries, as the records hold them now (they may have changed). */
async function detailProblems(q: Q, claims: Claim[]): Promise<Map<string, ClaimProblem[]>> {
  const gaps = await patientsGaps(q, [...new Set(claims.map((c) => c.patientId))]);
  const rendering = await renderingPharmacists(q, [...new Set(claims.map((c) => c.renderingUsername))]);
  return new Map(
    claims.map((claim) => {
      const lacks = gaps.get(claim.patientId) ?? [];
      const problems: ClaimProblem[] = [];
      if (lacks.includes('memberId')) problems.push(blocking(`Add ${claim.patientName}’s member ID or MBI.`));
      if (lacks.includes('address')) problems.push(blocking(`Add ${claim.patientName}’s full address.`));
      if (!rendering.has(claim.renderingUsername))
        problems.push(blocking(`Add the NPI and taxonomy of ${claim.renderingUsername} under Billing set-up.`));
      return [claim.id, problems];
    }),
  );
}

/** The ready claims of one payer and date range, each with its problems; nothing is written. */
export async function exportPreview(q: Q, req: ExportRange): Promise<ExportPreview> {
  const payer = await loadPayer(q, req.payerId);
  const claims = await listClaims(q, { from: req.from, to: req.to, payerId: payer.id, status: 'ready' });
  const corrections = await unnamedCorrections(q, claims);
  const details = await detailProblems(q, claims);
  const checked = claims.map((claim) => {
    const unnamed = corrections.get(claim.id);
    const problems = [
      ...(claim.planWarning ? [{ message: claim.planWarning, blocking: false }] : []),
      ...(unnamed ? [blocking(unnamed)] : []),
      ...details.get(claim.id)!,
    ];
    return { claim, problems };
  });
  return {
    payerName: payer.name,
    claims: checked,
    problems: (await billingProvider(q))
      ? []
      : [blocking('Enter the pharmacy’s billing details (NPI, EIN, taxonomy, ZIP+4) before exporting claims.')],
    totalCents: claims.reduce((sum, c) => sum + c.totalCents, 0),
  };
}

/**
 * The checked claims, refused unless they are exactly those the pharmacist confirmed (same claims, same versions) and
 * nothing stops the export. `confirmed` is left out only by in-process callers (the demo, the benchmark).
 */
export async function confirmedClaims(q: Q, req: ExportRange, confirmed?: ClaimRef[]): Promise<Claim[]> {
  const preview = await exportPreview(q, req);
  const claims = preview.claims.map((c) => c.claim);
  if (!claims.length && !confirmed?.length)
    throw new AppError(
      'validation',
      `No claims are ready for ${preview.payerName} with service dates ${req.from} to ${req.to}.`,
    );
  if (confirmed) {
    const seen = new Map(confirmed.map((r) => [r.id, r.version]));
    const changed = claims.filter((c) => seen.get(c.id) !== c.version).map((c) => c.claimNumber);
    const gone = confirmed.length - claims.filter((c) => seen.has(c.id)).length;
    if (changed.length || gone)
      throw new AppError(
        'conflict',
        `Nothing was exported: the claims ready for ${preview.payerName} changed after the list was shown (${[
          changed.length ? `new or changed: ${changed.join(', ')}` : '',
          gone ? `${gone} no longer ready` : '',
        ]
          .filter(Boolean)
          .join('; ')}). Look over the list again, then confirm.`,
      );
  }
  const stops = [...preview.problems, ...preview.claims.flatMap((c) => c.problems)].filter((p) => p.blocking);
  if (stops.length)
    throw new AppError(
      'validation',
      stops.length === 1
        ? `Nothing was exported. ${stops[0]!.message}`
        : `Nothing was exported: ${stops.length} problems stop the export. ${stops.map((p) => p.message).join(' ')}`,
    );
  return claims;
}
