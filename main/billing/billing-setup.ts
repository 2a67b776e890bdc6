// Who bills (the pharmacy), who renders (its pharmacists), and whom (payers, with their fees,
// unit rule and X12 identifiers). Everything a claim needs is checked here, before any export.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { BillingProvider, BillingSetup, Payer, PayerInput, RenderingPharmacist } from '../../preload/schemas/billing';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';

type Q = Pick<EntityManager, 'query'>;
type PayerRow = { id: string; name: string; payer_id: string; kind: Payer['kind']; submitter_id: string; receiver_id: string; receiver_name: string; claim_filing_code: Payer['claimFilingCode']; unit_rule: Payer['unitRule']; remote_place_of_service: Payer['remotePlaceOfService']; fee_99605: number; fee_99606: number; fee_99607: number; active: number; version: number };

const toPayer = (r: PayerRow): Payer => ({
  id: r.id, version: r.version, name: r.name, payerId: r.payer_id, kind: r.kind, submitterId: r.submitter_id, receiverId: r.receiver_id, receiverName: r.receiver_name,
  claimFilingCode: r.claim_filing_code, unitRule: r.unit_rule, remotePlaceOfService: r.remote_place_of_service, fees: { '99605': r.fee_99605, '99606': r.fee_99606, '99607': r.fee_99607 }, active: Boolean(r.active),
});

export async function billingProvider(q: Q): Promise<BillingProvider | null> {
  const [r] = (await q.query('SELECT * FROM billing_provider WHERE id = 1')) as { legal_name: string; npi: string; tax_id: string; taxonomy: string; address_line1: string; city: string; state: string; zip: string; phone: string }[];
  return r ? { legalName: r.legal_name, npi: r.npi, taxId: r.tax_id, taxonomy: r.taxonomy, address: { line1: r.address_line1, city: r.city, state: r.state, zip: r.zip }, phone: r.phone } : null;
}

export async function renderingPharmacist(q: Q, username: string): Promise<RenderingPharmacist | null> {
  const [r] = (await q.query('SELECT username, first_name AS firstName, last_name AS lastName, npi, taxonomy FROM billing_pharmacists WHERE username = ?', [username])) as RenderingPharmacist[];
  return r ?? null;
}

export async function payer(q: Q, id: string): Promise<Payer> {
  const [r] = (await q.query('SELECT * FROM payers WHERE id = ?', [id])) as PayerRow[];
  if (!r) throw notFound('That payer');
  return toPayer(r);
}

export async function billingSetup(q: Q): Promise<BillingSetup> {
  return {
    provider: await billingProvider(q),
    pharmacists: (await q.query('SELECT username, first_name AS firstName, last_name AS lastName, npi, taxonomy FROM billing_pharmacists ORDER BY last_name, first_name')) as RenderingPharmacist[],
    payers: ((await q.query('SELECT * FROM payers ORDER BY active DESC, name')) as PayerRow[]).map(toPayer),
  };
}

export async function saveProvider(q: Q, user: SignedInUser, p: BillingProvider): Promise<BillingSetup> {
  await q.query(
    `INSERT INTO billing_provider (id, legal_name, npi, tax_id, taxonomy, address_line1, city, state, zip, phone, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, npi = excluded.npi, tax_id = excluded.tax_id, taxonomy = excluded.taxonomy, address_line1 = excluded.address_line1,
       city = excluded.city, state = excluded.state, zip = excluded.zip, phone = excluded.phone, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [p.legalName, p.npi, p.taxId, p.taxonomy, p.address.line1, p.address.city, p.address.state, p.address.zip, p.phone, new Date().toISOString(), user.username],
  );
  return billingSetup(q);
}

export async function savePharmacist(q: Q, user: SignedInUser, p: RenderingPharmacist): Promise<BillingSetup> {
  const [u] = (await q.query(`SELECT username FROM users WHERE username = ? AND role = 'pharmacist'`, [p.username])) as { username: string }[];
  if (!u) throw new AppError('validation', `${p.username} is not a pharmacist user of this pharmacy.`, 'username');
  await q.query(
    `INSERT INTO billing_pharmacists (username, first_name, last_name, npi, taxonomy, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, npi = excluded.npi, taxonomy = excluded.taxonomy, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [u.username, p.firstName, p.lastName, p.npi, p.taxonomy, new Date().toISOString(), user.username],
  );
  return billingSetup(q);
}

export async function savePayer(q: Q, user: SignedInUser, p: PayerInput): Promise<BillingSetup> {
  const values = [p.name, p.payerId, p.kind, p.submitterId, p.receiverId, p.receiverName, p.claimFilingCode, p.unitRule, p.remotePlaceOfService, p.fees['99605'], p.fees['99606'], p.fees['99607'], Number(p.active), new Date().toISOString(), user.username];
  if (p.id) {
    const done = (await q.query(
      `UPDATE payers SET name = ?, payer_id = ?, kind = ?, submitter_id = ?, receiver_id = ?, receiver_name = ?, claim_filing_code = ?, unit_rule = ?, remote_place_of_service = ?, fee_99605 = ?, fee_99606 = ?, fee_99607 = ?, active = ?, updated_at = ?, updated_by = ?, version = version + 1
       WHERE id = ? AND version = ? RETURNING id`,
      [...values, p.id, p.version ?? 0],
    )) as unknown[];
    if (!done.length) throw new AppError('conflict', 'This payer was changed by someone else, or removed. Reload, then try again.');
  } else {
    await q.query(
      `INSERT INTO payers (name, payer_id, kind, submitter_id, receiver_id, receiver_name, claim_filing_code, unit_rule, remote_place_of_service, fee_99605, fee_99606, fee_99607, active, updated_at, updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...values, randomUUID()],
    );
  }
  return billingSetup(q);
}
