import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemResolution1764900000000 implements MigrationInterface {
  name = 'ProblemResolution1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // When and how a drug-therapy problem was resolved, and by whom (cleared again if it is reopened).
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolved_on TEXT`);
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolution TEXT`);
    await q.query(`ALTER TABLE drug_therapy_problems ADD COLUMN resolved_by TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['resolved_by', 'resolution', 'resolved_on']) await q.query(`ALTER TABLE drug_therapy_problems DROP COLUMN ${c}`);
  }
}
