import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PayerClaimNumber1765000000000 implements MigrationInterface {
  name = 'PayerClaimNumber1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // The payer's own number for an adjudicated claim (ICN/DCN, from the remittance): corrections and voids must carry it.
    await q.query(`ALTER TABLE claims ADD COLUMN payer_claim_number TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP COLUMN payer_claim_number`);
  }
}
