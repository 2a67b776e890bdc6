import { describe, expect, it } from 'vitest';
import { all, run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { FILL, indexesOf, insert, PATIENT, rowsOf } from './rows';

// Adds the per-patient cache of population figures, and the triggers that make a patient's figures stale when the
// rows they are computed from change.
describe('migration 1765800000000-population-figures', () => {
  it('starts empty (every patient stale) and clears the halves a write to a source table affects', async () => {
    const { db: old, migrate } = await beforeMigration('PopulationFigures1765800000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'fills', FILL);
    const db = await migrate();

    expect(await columnsOf(db, 'population_figures')).toEqual([
      'patient_id TEXT',
      'adherence_as_of TEXT',
      'star_measures_below INTEGER NOT NULL DEFAULT 0',
      'lowest_pdc REAL',
      "pdc_reasons TEXT NOT NULL DEFAULT '[]'",
      'most_days_late INTEGER',
      "late_refills TEXT NOT NULL DEFAULT '[]'",
      'checks_as_of TEXT',
      'knowledge_version TEXT',
      "serious TEXT NOT NULL DEFAULT '[]'",
      'serious_count INTEGER NOT NULL DEFAULT 0',
      "review TEXT NOT NULL DEFAULT '[]'",
      'review_count INTEGER NOT NULL DEFAULT 0',
      "care_gaps TEXT NOT NULL DEFAULT '[]'",
      'care_gap_count INTEGER NOT NULL DEFAULT 0',
    ]);
    expect(await rowsOf(db, 'population_figures')).toEqual([]);
    expect(await indexesOf(db, 'fills')).toEqual(
      expect.arrayContaining([
        'trigger trg_fills_figures_delete',
        'trigger trg_fills_figures_insert',
        'trigger trg_fills_figures_update',
      ]),
    );

    const current = sql`INSERT INTO population_figures (patient_id, adherence_as_of, checks_as_of, knowledge_version)
                        VALUES (${PATIENT.id}, '2026-01-10', '2026-01-10', 'v1')
                        ON CONFLICT (patient_id) DO UPDATE SET adherence_as_of = excluded.adherence_as_of,
                          checks_as_of = excluded.checks_as_of`;
    const halves = async () =>
      all<{ adherence_as_of: string | null; checks_as_of: string | null }>(
        db,
        sql`SELECT adherence_as_of, checks_as_of FROM population_figures`,
      );
    // Fills and conditions feed both halves: the row goes.
    await run(db, current);
    await run(db, sql`UPDATE fills SET days_supply = 90 WHERE id = ${FILL.id}`);
    expect(await halves()).toEqual([]);
    await run(db, current);
    await insert(db, 'patient_conditions', {
      id: 'c1',
      patient_id: PATIENT.id,
      code: 'I10',
      created_at: '2026-01-10T10:00:00.000Z',
      created_by: 'jlee',
    });
    expect(await halves()).toEqual([]);
    // A dismissed check, or a new date of birth, makes only the checks stale.
    await run(db, current);
    await insert(db, 'check_dismissals', {
      patient_id: PATIENT.id,
      fingerprint: 'fp',
      rule_id: 'r',
      reason: 'Known and accepted',
      dismissed_at: '2026-01-10T10:00:00.000Z',
      dismissed_by: 'jlee',
    });
    expect(await halves()).toEqual([{ adherence_as_of: '2026-01-10', checks_as_of: null }]);
    await run(db, current);
    await run(db, sql`UPDATE patients SET phone = '3305550100'`);
    expect(await halves()).toEqual([{ adherence_as_of: '2026-01-10', checks_as_of: '2026-01-10' }]);
    await run(db, sql`UPDATE patients SET date_of_birth = '1944-08-22'`);
    expect(await halves()).toEqual([{ adherence_as_of: '2026-01-10', checks_as_of: null }]);
    await run(db, sql`DELETE FROM fills`);
    expect(await halves()).toEqual([]);
    await db.destroy();
  });
});
