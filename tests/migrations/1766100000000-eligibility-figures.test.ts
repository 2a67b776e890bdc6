import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { FILL, insert, PATIENT, rowsOf } from './rows';

// Adds the eligibility screen's fill sums to the population figures; a fill written afterwards drops the patient's row
// (the fills triggers of 1765800000000), sums included.
describe('migration 1766100000000-eligibility-figures', () => {
  it('adds the fill sums, empty for rows already there, and a new fill makes them stale', async () => {
    const { db: old, migrate } = await beforeMigration('EligibilityFigures1766100000000');
    await insert(old, 'patients', PATIENT);
    await run(
      old,
      sql`INSERT INTO population_figures (patient_id, adherence_as_of) VALUES (${PATIENT.id}, '2026-12-01')`,
    );
    const before = await columnsOf(old, 'population_figures');
    const db = await migrate();

    expect(await columnsOf(db, 'population_figures')).toEqual([
      ...before,
      'eligibility_as_of TEXT',
      'fill_drugs TEXT',
      'fill_cost REAL',
      'fills_costed INTEGER NOT NULL DEFAULT 0',
      'fills_unclassified INTEGER NOT NULL DEFAULT 0',
      'first_fill TEXT',
    ]);
    expect(await rowsOf(db, 'population_figures')).toMatchObject([
      { patient_id: PATIENT.id, adherence_as_of: '2026-12-01', eligibility_as_of: null, fills_costed: 0 },
    ]);
    await run(
      db,
      sql`UPDATE population_figures SET eligibility_as_of = '2026-12-01', first_fill = '2026-01-05'
          WHERE patient_id = ${PATIENT.id}`,
    );
    await insert(db, 'fills', FILL);
    expect(await rowsOf(db, 'population_figures')).toEqual([]);
    await db.destroy();
  });
});
