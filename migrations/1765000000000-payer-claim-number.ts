import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class PayerClaimNumber1765000000000 implements ForwardMigration {
  name = 'PayerClaimNumber1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // The payer's own number for an adjudicated claim (ICN/DCN, from the remittance): corrections and voids must carry
    // it.
    await q.query(`ALTER TABLE claims ADD COLUMN payer_claim_number TEXT`);
  }
}
