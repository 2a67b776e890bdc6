import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class ProblemResolution1764900000000 implements ForwardMigration {
  name = 'ProblemResolution1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // When and how a drug-therapy problem was resolved, and by whom (cleared again if it is reopened).
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolved_on TEXT`);
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolution TEXT`);
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolved_by TEXT`);
  }
}
