import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { CLAIM, insert, PATIENT, PAYER, REVIEW, rowsOf } from './rows';

// Adds claims.payer_claim_number, the payer's own number (ICN/DCN) for an adjudicated claim: NULL for the
// claims already there.
describe('migration 1765000000000-payer-claim-number', () => {
  it('adds an empty payer_claim_number to existing claims', async () => {
    const { db: old, migrate } = await beforeMigration('PayerClaimNumber1765000000000');
    const voided = {
      ...CLAIM,
      id: '2e3f4a5b-6c7d-4e8f-9a0b-c1d2e3f4a502',
      claim_number: 'MTM-2025-000118',
      status: 'voided',
      frequency: '8',
      replaces_claim_id: CLAIM.id,
      paid_cents: null,
      paid_date: null,
      total_cents: 0,
    };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    await insert(old, 'payers', PAYER);
    await insert(old, 'claims', CLAIM);
    await insert(old, 'claims', voided);
    const before = await columnsOf(old, 'claims');
    const db = await migrate();

    expect(await columnsOf(db, 'claims')).toEqual([...before, 'payer_claim_number TEXT']);
    expect(await rowsOf(db, 'claims')).toEqual([
      { ...CLAIM, payer_claim_number: null },
      { ...voided, payer_claim_number: null },
    ]);
    expect(await rowsOf(db, 'payers')).toEqual([PAYER]);
    await db.destroy();
  });
});
