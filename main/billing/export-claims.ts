// A batch of ready claims for one payer and date range: an 837P interchange or a CSV for an MTM
// vendor's portal. The claims move to "exported" with the batch, in one transaction.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { exclusively, LOCKS } from '../db/dialect';
import { localIsoDate } from '../../preload/schemas/dates';
import type {
  BatchSummary,
  Claim,
  ClaimBatch,
  claimExportPreviewRequest,
  ClaimRef,
  Cms1500Calibration,
} from '../../preload/schemas/billing';
import { lastFirst } from '../../preload/person-name';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { csvTable } from '../../preload/csv';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { billingProvider, payer as loadPayer, renderingPharmacists } from './billing-setup';
import { confirmedClaims } from './export-check';
import { renderPdf } from '../documents/pdf-engine';
import { cms1500Document } from './cms1500';
import { cms1500CalibrationDocument, cms1500RedFormDocument } from './cms1500-red-form';
import { getSettings } from '../settings/pharmacy-settings';
import { build837p, type ClaimFor837 } from './x12-837p';

// The address is complete: a claim is only made for a patient with a full address.
type PatientRow = Pick<
  Row<'patients'>,
  'first_name' | 'middle_name' | 'last_name' | 'date_of_birth' | 'part_d_member_id' | 'mbi'
> & {
  sex: ClaimFor837['patient']['sex'];
  address_line1: string;
  city: string;
  state: string;
  zip: string;
};

/** Everything the 837P says of each claim, read for the whole batch at once (four queries, not four per claim). */
async function forX12(em: EntityManager, claims: Claim[]): Promise<ClaimFor837[]> {
  const ids = (pick: (c: Claim) => string | null) => sql.list([...new Set(claims.map(pick).filter((v) => v !== null))]);
  const patients = await all<PatientRow & { id: string }>(
    em,
    sql`SELECT id, first_name, middle_name, last_name, date_of_birth, sex, part_d_member_id, mbi, address_line1, city,
      state, zip
        FROM patients WHERE id IN (${ids((c) => c.patientId)})`,
  );
  const rendering = await renderingPharmacists(em, [...new Set(claims.map((c) => c.renderingUsername))]);
  const replaced = await all<Pick<Row<'claims'>, 'id' | 'claim_number' | 'payer_claim_number'>>(
    em,
    sql`SELECT id, claim_number, payer_claim_number FROM claims WHERE id IN (${ids((c) => c.replacesClaimId)})`,
  );
  const users = await all<Pick<Row<'users'>, 'username' | 'full_name'>>(
    em,
    sql`SELECT username, full_name FROM users WHERE username IN (${ids((c) => c.renderingUsername)})`,
  );
  const patientOf = new Map(patients.map((p) => [p.id, p]));
  const replacedOf = new Map(replaced.map((r) => [r.id, r]));
  const nameOf = new Map(users.map((u) => [u.username, u.full_name]));
  return claims.map((claim) => {
    const p = patientOf.get(claim.patientId);
    const pharmacist = rendering.get(claim.renderingUsername);
    if (!p || !pharmacist)
      throw new AppError('validation', `Claim ${claim.claimNumber} lacks its patient or rendering pharmacist details.`);
    const replaces = claim.replacesClaimId ? replacedOf.get(claim.replacesClaimId) : undefined;
    return {
      claim,
      rendering: pharmacist,
      renderingFullName: nameOf.get(claim.renderingUsername) ?? null,
      replaces: replaces ? { claimNumber: replaces.claim_number, payerClaimNumber: replaces.payer_claim_number } : null,
      patient: {
        firstName: p.first_name,
        middleName: p.middle_name,
        lastName: p.last_name,
        dateOfBirth: p.date_of_birth,
        sex: p.sex,
        memberId: p.part_d_member_id ?? p.mbi ?? '',
        address: { line1: p.address_line1, city: p.city, state: p.state, zip: p.zip },
      },
    };
  });
}

const CSV_HEADER = [
  'Claim',
  'Frequency',
  'Replaces',
  'Payer claim number replaced',
  'Service date',
  'Place of service',
  'Patient',
  'Date of birth',
  'Member ID',
  'Payer',
  'Codes',
  'Units',
  'Charge',
  'Diagnoses',
  'Minutes',
  'Patient status',
  'Rendering NPI',
  'Billing NPI',
];

/** Writes the batch of the claims the pharmacist confirmed (`claims`, from the preview), after the same checks. */
/** Two workstations exporting at once could put the same claim in two batches: the second waits its turn. */
const EXPORT_BUSY =
  'Another workstation is exporting claims right now. Nothing was exported here: try again in a moment.';

export async function exportClaims(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof claimExportPreviewRequest> & { claims?: ClaimRef[] },
  at = new Date(),
): Promise<ClaimBatch> {
  return exclusively(db, LOCKS.claimExport, EXPORT_BUSY, () =>
    db.transaction(async (em) => {
      const claims = await confirmedClaims(em, req, req.claims);
      const payer = await loadPayer(em, req.payerId);
      const provider = (await billingProvider(em))!;
      const details = await forX12(em, claims);
      let content: string;
      let control: number | null = null;
      let fileName: string;
      if (req.format === '837p') {
        const counter = await one<Pick<Row<'x12_control'>, 'last_interchange'>>(
          em,
          sql`SELECT last_interchange FROM x12_control WHERE id = 1`,
        );
        const { last_interchange } = counter!;
        control = last_interchange + 1;
        await run(em, sql`UPDATE x12_control SET last_interchange = ${control} WHERE id = 1`);
        content = build837p({ provider, payer, claims: details, control, at });
        fileName = `claims-837p-${req.from}-${req.to}-${String(control).padStart(9, '0')}.x12`;
      } else if (req.format === 'cms1500red') {
        const { cms1500Offset } = await getSettings(em);
        content = (
          await renderPdf(cms1500RedFormDocument(details, provider, payer, cms1500Offset), localIsoDate(at))
        ).toString('base64');
        fileName = `claims-cms1500-red-form-${req.from}-${req.to}.pdf`;
      } else if (req.format === 'cms1500') {
        content = (await renderPdf(cms1500Document(details, provider, payer), localIsoDate(at))).toString('base64');
        fileName = `claims-cms1500-${req.from}-${req.to}.pdf`;
      } else {
        content = csvTable(
          CSV_HEADER,
          details.map(({ claim: c, patient: p, rendering, replaces }) => [
            c.claimNumber,
            c.frequency,
            replaces?.claimNumber ?? null,
            replaces?.payerClaimNumber ?? null,
            c.serviceDate,
            c.placeOfService,
            lastFirst(p),
            p.dateOfBirth,
            p.memberId,
            payer.name,
            c.lines.map((l) => `${l.code} x${l.units}`).join('; '),
            c.lines.reduce((s, l) => s + l.units, 0),
            (c.totalCents / 100).toFixed(2),
            c.diagnoses.join('; '),
            c.minutes,
            c.established ? 'established' : 'new',
            rendering.npi,
            provider.npi,
          ]),
        );
        fileName = `claims-${req.from}-${req.to}.csv`;
      }
      const id = randomUUID();
      await run(
        em,
        sql`INSERT INTO claim_batches
            (id, format, payer_id, from_date, to_date, file_name, content, claim_count, interchange_control,
             created_at, created_by)
          VALUES (${id}, ${req.format}, ${payer.id}, ${req.from}, ${req.to}, ${fileName}, ${content}, ${claims.length},
            ${control}, ${at.toISOString()}, ${user.username})`,
      );
      await run(
        em,
        sql`UPDATE claims
          SET status = 'exported', batch_id = ${id}, version = version + 1, updated_at = ${at.toISOString()},
            updated_by = ${user.username}
          WHERE id IN (${sql.list(claims.map((c) => c.id))})`,
      );
      return { id, format: req.format, fileName, content, claimCount: claims.length, interchangeControl: control };
    }),
  );
}

export async function listBatches(q: Q): Promise<BatchSummary[]> {
  return all<BatchSummary>(
    q,
    sql`SELECT b.id, b.format, p.name AS "payerName", b.from_date AS "from", b.to_date AS "to",
      b.file_name AS "fileName",
          b.claim_count AS "claimCount", b.created_at AS "createdAt", b.created_by AS "createdBy"
        FROM claim_batches b LEFT JOIN payers p ON p.id = b.payer_id ORDER BY b.created_at DESC LIMIT 200`,
  );
}

/** A past export's file, byte for byte as it was first written. */
export async function batchFile(q: Q, id: string): Promise<ClaimBatch> {
  const b = await one<ClaimBatch>(
    q,
    sql`SELECT id, format, file_name AS "fileName", content, claim_count AS "claimCount",
          interchange_control AS "interchangeControl"
        FROM claim_batches WHERE id = ${id}`,
  );
  if (!b) throw new AppError('notFound', 'That export was not found.');
  return b;
}

/** The calibration page for the red CMS-1500 form, with the pharmacy's saved nudge applied. */
export async function calibrationPage(q: Q, at = new Date()): Promise<Cms1500Calibration> {
  const { cms1500Offset } = await getSettings(q);
  const pdf = await renderPdf(cms1500CalibrationDocument(cms1500Offset), localIsoDate(at));
  return { fileName: 'cms1500-red-form-calibration.pdf', content: pdf.toString('base64'), offset: cms1500Offset };
}
