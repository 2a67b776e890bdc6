import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, PROBLEM, rowsOf } from './rows';

// Records when, how and by whom a drug-therapy problem was resolved: three nullable columns, NULL for the
// problems already there (open or resolved).
describe('migration 1764900000000-problem-resolution', () => {
  it('adds resolved_on, resolution and resolved_by, empty, to existing problems', async () => {
    const { db: old, migrate } = await beforeMigration('ProblemResolution1764900000000');
    const resolved = {
      ...PROBLEM,
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c44',
      source: 'manual',
      rule_id: null,
      fingerprint: null,
      category: 'adherence',
      title: 'Skips evening metformin',
      status: 'resolved',
    };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'drug_therapy_problems', PROBLEM);
    await insert(old, 'drug_therapy_problems', resolved);
    const before = await columnsOf(old, 'drug_therapy_problems');
    const db = await migrate();

    expect(await columnsOf(db, 'drug_therapy_problems')).toEqual([
      ...before,
      'resolved_on TEXT',
      'resolution TEXT',
      'resolved_by TEXT',
    ]);
    const empty = { resolved_on: null, resolution: null, resolved_by: null };
    expect(await rowsOf(db, 'drug_therapy_problems')).toEqual([
      { ...PROBLEM, ...empty },
      { ...resolved, ...empty },
    ]);

    await run(
      db,
      sql`UPDATE drug_therapy_problems SET status = 'resolved', resolved_on = ${'2025-12-01'},
      resolution = ${'Prescriber stopped omeprazole'}, resolved_by = ${'pharmacist1'} WHERE id = ${PROBLEM.id}`,
    );
    const [first] = await rowsOf(db, 'drug_therapy_problems');
    expect(first).toMatchObject({ status: 'resolved', resolved_on: '2025-12-01', resolved_by: 'pharmacist1' });
    await db.destroy();
  });
});
