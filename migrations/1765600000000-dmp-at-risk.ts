import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class DmpAtRisk1765600000000 implements ForwardMigration {
  name = 'DmpAtRisk1765600000000';

  async up(q: QueryRunner): Promise<void> {
    // A member the plan's drug management programme identified as at risk is targeted for MTM (from 2022): when the
    // plan identified them and how the pharmacy learned it, both or neither. Existing enrolments have neither.
    await q.query(`ALTER TABLE mtm_enrollments ADD COLUMN dmp_at_risk_date TEXT`);
    await q.query(
      `ALTER TABLE mtm_enrollments ADD COLUMN dmp_at_risk_source TEXT
        CHECK ((dmp_at_risk_source IS NULL) = (dmp_at_risk_date IS NULL)
          AND (dmp_at_risk_source IS NULL OR dmp_at_risk_source IN ('planLetter', 'planPortal', 'planPhone', 'other')))`,
    );
  }
}
