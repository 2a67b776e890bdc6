// Who bills (the pharmacy), who renders (its pharmacists), and whom (payers, with their fees,
// unit rule and X12 identifiers). Everything a claim needs is checked here, before any export.
import { randomUUID } from 'node:crypto';
import type {
  BillingProvider,
  BillingSetup,
  ModifierChoice,
  Payer,
  PayerInput,
  RenderingPharmacist,
  TelehealthModifier,
} from '../../preload/schemas/billing';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';

type PayerRow = Omit<
  Row<'payers'>,
  'kind' | 'claim_filing_code' | 'unit_rule' | 'remote_place_of_service' | 'video_modifier' | 'audio_modifier'
> & {
  kind: Payer['kind'];
  claim_filing_code: Payer['claimFilingCode'];
  unit_rule: Payer['unitRule'];
  remote_place_of_service: Payer['remotePlaceOfService'];
  video_modifier: TelehealthModifier | null;
  audio_modifier: TelehealthModifier | null;
};
/** None is stored as NULL. */
const stored = (m: ModifierChoice | undefined): TelehealthModifier | null => (!m || m === 'none' ? null : m);

const toPayer = (r: PayerRow): Payer => ({
  id: r.id,
  version: r.version,
  name: r.name,
  payerId: r.payer_id,
  kind: r.kind,
  submitterId: r.submitter_id,
  receiverId: r.receiver_id,
  receiverName: r.receiver_name,
  claimFilingCode: r.claim_filing_code,
  unitRule: r.unit_rule,
  remotePlaceOfService: r.remote_place_of_service,
  videoModifier: r.video_modifier ?? 'none',
  audioModifier: r.audio_modifier ?? 'none',
  fees: { '99605': r.fee_99605, '99606': r.fee_99606, '99607': r.fee_99607 },
  active: Boolean(r.active),
  planContracts: JSON.parse(r.plan_contracts) as string[],
});

export async function billingProvider(q: Q): Promise<BillingProvider | null> {
  const r = await one<Row<'billing_provider'>>(q, sql`SELECT * FROM billing_provider WHERE id = 1`);
  return r
    ? {
        legalName: r.legal_name,
        npi: r.npi,
        taxId: r.tax_id,
        taxonomy: r.taxonomy,
        address: { line1: r.address_line1, city: r.city, state: r.state, zip: r.zip },
        phone: r.phone,
      }
    : null;
}

export async function renderingPharmacist(q: Q, username: string): Promise<RenderingPharmacist | null> {
  return (await renderingPharmacists(q, [username])).get(username) ?? null;
}

/** The billing details of each of these pharmacists who has them, by username. */
export async function renderingPharmacists(q: Q, usernames: string[]): Promise<Map<string, RenderingPharmacist>> {
  const rows = await all<RenderingPharmacist>(
    q,
    sql`SELECT username, first_name AS "firstName", last_name AS "lastName", npi, taxonomy FROM billing_pharmacists
        WHERE username IN (${sql.list(usernames)})`,
  );
  return new Map(rows.map((r) => [r.username, r]));
}

export async function payer(q: Q, id: string): Promise<Payer> {
  const r = await one<PayerRow>(q, sql`SELECT * FROM payers WHERE id = ${id}`);
  if (!r) throw notFound('That payer');
  return toPayer(r);
}

/** Every payer, the active first. */
export async function listPayers(q: Q): Promise<Payer[]> {
  return (await all<PayerRow>(q, sql`SELECT * FROM payers ORDER BY active DESC, name`)).map(toPayer);
}

export async function billingSetup(q: Q): Promise<BillingSetup> {
  return {
    provider: await billingProvider(q),
    pharmacists: await all<RenderingPharmacist>(
      q,
      sql`SELECT username, first_name AS "firstName", last_name AS "lastName", npi, taxonomy FROM billing_pharmacists
          ORDER BY last_name, first_name`,
    ),
    payers: await listPayers(q),
  };
}

export async function saveProvider(q: Q, user: SignedInUser, p: BillingProvider): Promise<BillingSetup> {
  await run(
    q,
    sql`INSERT INTO billing_provider
          (id, legal_name, npi, tax_id, taxonomy, address_line1, city, state, zip, phone, updated_at, updated_by)
        VALUES (1, ${p.legalName}, ${p.npi}, ${p.taxId}, ${p.taxonomy}, ${p.address.line1}, ${p.address.city},
          ${p.address.state}, ${p.address.zip}, ${p.phone}, ${new Date().toISOString()}, ${user.username})
        ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, npi = excluded.npi, tax_id = excluded.tax_id,
          taxonomy = excluded.taxonomy, address_line1 = excluded.address_line1, city = excluded.city,
          state = excluded.state, zip = excluded.zip, phone = excluded.phone, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`,
  );
  return billingSetup(q);
}

export async function savePharmacist(q: Q, user: SignedInUser, p: RenderingPharmacist): Promise<BillingSetup> {
  const u = await one<Pick<Row<'users'>, 'username'>>(
    q,
    sql`SELECT username FROM users WHERE username = ${p.username} AND role = 'pharmacist'`,
  );
  if (!u) throw new AppError('validation', `${p.username} is not a pharmacist user of this pharmacy.`, 'username');
  await run(
    q,
    sql`INSERT INTO billing_pharmacists (username, first_name, last_name, npi, taxonomy, updated_at, updated_by)
        VALUES (${u.username}, ${p.firstName}, ${p.lastName}, ${p.npi}, ${p.taxonomy}, ${new Date().toISOString()},
          ${user.username})
        ON CONFLICT (username) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
          npi = excluded.npi, taxonomy = excluded.taxonomy, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`,
  );
  return billingSetup(q);
}

/** The plan contracts as stored: a JSON array, each once, sorted. */
const contracts = (p: PayerInput) => JSON.stringify([...new Set(p.planContracts)].sort());

export async function savePayer(q: Q, user: SignedInUser, p: PayerInput): Promise<BillingSetup> {
  const now = new Date().toISOString();
  if (p.id) {
    const done = await all<Pick<PayerRow, 'id'>>(
      q,
      sql`UPDATE payers SET name = ${p.name}, payer_id = ${p.payerId}, kind = ${p.kind},
            submitter_id = ${p.submitterId}, receiver_id = ${p.receiverId}, receiver_name = ${p.receiverName},
            claim_filing_code = ${p.claimFilingCode}, unit_rule = ${p.unitRule},
            remote_place_of_service = ${p.remotePlaceOfService}, video_modifier = ${stored(p.videoModifier)},
            audio_modifier = ${stored(p.audioModifier)}, fee_99605 = ${p.fees['99605']},
            fee_99606 = ${p.fees['99606']}, fee_99607 = ${p.fees['99607']}, active = ${Number(p.active)},
            plan_contracts = ${contracts(p)}, updated_at = ${now}, updated_by = ${user.username}, version = version + 1
          WHERE id = ${p.id} AND version = ${p.version ?? 0} RETURNING id`,
    );
    if (!done.length)
      throw new AppError('conflict', 'This payer was changed by someone else, or removed. Reload, then try again.');
  } else {
    await run(
      q,
      sql`INSERT INTO payers (name, payer_id, kind, submitter_id, receiver_id, receiver_name, claim_filing_code,
            unit_rule, remote_place_of_service, video_modifier, audio_modifier, fee_99605, fee_99606, fee_99607, active,
            plan_contracts, updated_at, updated_by, id)
          VALUES (${p.name}, ${p.payerId}, ${p.kind}, ${p.submitterId}, ${p.receiverId}, ${p.receiverName},
            ${p.claimFilingCode}, ${p.unitRule}, ${p.remotePlaceOfService}, ${stored(p.videoModifier)},
            ${stored(p.audioModifier)}, ${p.fees['99605']}, ${p.fees['99606']},
            ${p.fees['99607']}, ${Number(p.active)}, ${contracts(p)}, ${now}, ${user.username}, ${randomUUID()})`,
    );
  }
  return billingSetup(q);
}
