import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class UniqueMbiPayerPlans1766000000000 implements ForwardMigration {
  name = 'UniqueMbiPayerPlans1766000000000';

  async up(q: QueryRunner): Promise<void> {
    // The Part D contracts (H1234, S5678…) whose members a payer pays MTM claims for, as a JSON array: a claim's payer
    // defaults from the patient's plan and a mismatch is stated. Payers already there list none.
    await q.query(`ALTER TABLE payers ADD COLUMN plan_contracts TEXT NOT NULL DEFAULT '[]'`);
    // One living patient per MBI (stored bare and upper-case since the first schema). A pharmacy's file may already
    // hold two records with one MBI, and a unique index cannot be built over them: they are left for the pharmacist to
    // resolve (the patient store refuses any new duplicate either way), and the index is made only where none exist.
    const [{ n }] = (await q.query(
      `SELECT count(*) AS n FROM (SELECT mbi FROM patients WHERE mbi IS NOT NULL AND deleted_at IS NULL
         GROUP BY mbi HAVING count(*) > 1) AS duplicates`,
    )) as [{ n: number | string }];
    // PostgreSQL's count is a bigint, which its driver may give as text.
    if (Number(n) === 0)
      await q.query(
        `CREATE UNIQUE INDEX idx_patients_live_mbi ON patients (mbi) WHERE mbi IS NOT NULL AND deleted_at IS NULL`,
      );
  }
}
