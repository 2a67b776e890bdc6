import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { CLAIM, indexesOf, insert, PATIENT, PAYER, REVIEW, rowsOf } from './rows';

// Adds billing: the pharmacy as billing provider (one row), pharmacists as rendering providers, payers,
// claims (one per number; status and frequency checked; tied to an existing review and patient), claim
// batches, and the last X12 interchange control number, starting at 0.
describe('migration 1764700000000-billing', () => {
  it('creates the billing tables, seeds the control number and bills existing reviews', async () => {
    const { db: old, migrate } = await beforeMigration('Billing1764700000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    const reviewsBefore = await rowsOf(old, 'reviews');
    const db = await migrate();

    expect(await rowsOf(db, 'reviews')).toEqual(reviewsBefore);
    expect(await columnsOf(db, 'billing_provider')).toEqual([
      'id INTEGER',
      'legal_name TEXT NOT NULL',
      'npi TEXT NOT NULL',
      'tax_id TEXT NOT NULL',
      'taxonomy TEXT NOT NULL',
      'address_line1 TEXT NOT NULL',
      'city TEXT NOT NULL',
      'state TEXT NOT NULL',
      'zip TEXT NOT NULL',
      'phone TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'billing_pharmacists')).toEqual([
      'username TEXT',
      'first_name TEXT NOT NULL',
      'last_name TEXT NOT NULL',
      'npi TEXT NOT NULL',
      'taxonomy TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'payers')).toEqual([
      'id TEXT',
      'name TEXT NOT NULL',
      'payer_id TEXT NOT NULL',
      'kind TEXT NOT NULL',
      'submitter_id TEXT NOT NULL',
      'receiver_id TEXT NOT NULL',
      'receiver_name TEXT NOT NULL',
      'claim_filing_code TEXT NOT NULL',
      'unit_rule TEXT NOT NULL',
      'fee_99605 INTEGER NOT NULL',
      'fee_99606 INTEGER NOT NULL',
      'fee_99607 INTEGER NOT NULL',
      'active INTEGER NOT NULL DEFAULT 1',
      'version INTEGER NOT NULL DEFAULT 1',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'claims')).toEqual([
      'id TEXT',
      'claim_number TEXT NOT NULL',
      'review_id TEXT NOT NULL',
      'payer_id TEXT NOT NULL',
      'patient_id TEXT NOT NULL',
      'rendering_username TEXT NOT NULL',
      'status TEXT NOT NULL',
      'frequency TEXT NOT NULL',
      'replaces_claim_id TEXT',
      'service_date TEXT NOT NULL',
      'minutes INTEGER NOT NULL',
      'established INTEGER NOT NULL',
      'established_override TEXT',
      'lines TEXT NOT NULL',
      'diagnoses TEXT NOT NULL',
      'total_cents INTEGER NOT NULL',
      'explanation TEXT NOT NULL',
      'batch_id TEXT',
      'paid_cents INTEGER',
      'paid_date TEXT',
      'denial_reason TEXT',
      'version INTEGER NOT NULL DEFAULT 1',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'claims')).toEqual(['index idx_claims_review', 'index idx_claims_service']);
    expect(await columnsOf(db, 'claim_batches')).toEqual([
      'id TEXT',
      'format TEXT NOT NULL',
      'payer_id TEXT',
      'from_date TEXT NOT NULL',
      'to_date TEXT NOT NULL',
      'file_name TEXT NOT NULL',
      'content TEXT NOT NULL',
      'claim_count INTEGER NOT NULL',
      'interchange_control INTEGER',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'x12_control')).toEqual(['id INTEGER', 'last_interchange INTEGER NOT NULL']);
    expect(await rowsOf(db, 'x12_control')).toEqual([{ id: 1, last_interchange: 0 }]);
    await expect(insert(db, 'x12_control', { id: 2, last_interchange: 0 })).rejects.toThrow(/CHECK/);

    const provider = {
      legal_name: 'Maple Street Pharmacy LLC',
      npi: '1538246790',
      tax_id: '341234567',
      taxonomy: '3336C0003X',
      address_line1: '100 Maple St',
      city: 'Akron',
      state: 'OH',
      zip: '443031234',
      phone: '3305550100',
      updated_at: PAYER.updated_at,
      updated_by: 'pharmacist1',
    };
    await insert(db, 'billing_provider', { id: 1, ...provider });
    await expect(insert(db, 'billing_provider', { id: 2, ...provider })).rejects.toThrow(/CHECK/);

    const { active: _active, version: _version, ...newPayer } = PAYER;
    await insert(db, 'payers', newPayer);
    expect(await rowsOf(db, 'payers')).toEqual([{ ...newPayer, active: 1, version: 1 }]);
    await expect(insert(db, 'payers', { ...PAYER, id: 'p2', kind: 'medicare' })).rejects.toThrow(/CHECK/);
    await expect(insert(db, 'payers', { ...PAYER, id: 'p3', unit_rule: 'rounded' })).rejects.toThrow(/CHECK/);

    await insert(db, 'claims', CLAIM);
    expect(await rowsOf(db, 'claims')).toEqual([CLAIM]);
    const correction = {
      ...CLAIM,
      id: 'c2',
      claim_number: 'MTM-2025-000118',
      frequency: '7',
      replaces_claim_id: CLAIM.id,
    };
    await insert(db, 'claims', { ...correction, status: 'draft' });
    await expect(insert(db, 'claims', { ...correction, id: 'c3' })).rejects.toThrow(/UNIQUE/);
    const refused = [{ status: 'lost' }, { frequency: '2' }];
    for (const r of refused) {
      const bad = { ...CLAIM, id: 'c4', claim_number: 'MTM-2025-000119', ...r };
      await expect(insert(db, 'claims', bad)).rejects.toThrow(/CHECK/);
    }
    const unreviewed = { ...CLAIM, id: 'c5', claim_number: 'MTM-2025-000120', review_id: 'none' };
    await expect(insert(db, 'claims', unreviewed)).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
