import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, rowsOf } from './rows';

// Adds the drug management programme at-risk status (date and source, both or neither) to the MTM enrolment.
describe('migration 1765600000000-dmp-at-risk', () => {
  it('keeps existing enrolments without a status and accepts only a dated status from a known source', async () => {
    const { db: old, migrate } = await beforeMigration('DmpAtRisk1765600000000');
    await insert(old, 'patients', PATIENT);
    const enrolment = {
      patient_id: PATIENT.id,
      contract_year: 2026,
      version: 2,
      targeted_date: '2026-01-05',
      enrolled_date: '2026-01-05',
      updated_at: '2026-01-05T15:00:00.000Z',
      updated_by: 'jlee',
    };
    await insert(old, 'mtm_enrollments', enrolment);
    const before = await columnsOf(old, 'mtm_enrollments');
    const db = await migrate();

    expect(await columnsOf(db, 'mtm_enrollments')).toEqual([
      ...before,
      'dmp_at_risk_date TEXT',
      'dmp_at_risk_source TEXT',
    ]);
    expect(await rowsOf(db, 'mtm_enrollments')).toEqual([
      expect.objectContaining({ ...enrolment, dmp_at_risk_date: null, dmp_at_risk_source: null }),
    ]);
    await run(db, sql`UPDATE mtm_enrollments SET dmp_at_risk_date = '2026-02-01', dmp_at_risk_source = 'planLetter'`);
    for (const bad of [
      sql`UPDATE mtm_enrollments SET dmp_at_risk_source = 'hearsay'`,
      sql`UPDATE mtm_enrollments SET dmp_at_risk_date = NULL`,
      sql`UPDATE mtm_enrollments SET dmp_at_risk_source = NULL`,
    ])
      await expect(run(db, bad)).rejects.toThrow(/CHECK/);
    await run(db, sql`UPDATE mtm_enrollments SET dmp_at_risk_date = NULL, dmp_at_risk_source = NULL`);
    await db.destroy();
  });
});
