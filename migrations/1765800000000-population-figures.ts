import type { QueryRunner } from 'typeorm';
import { createTrigger } from './dialect';
import type { ForwardMigration } from './forward-only';

/** What a change to each table makes stale: fills and conditions feed both halves, the rest only the checks. */
const BOTH = `DELETE FROM population_figures WHERE patient_id`;
const CHECKS = `UPDATE population_figures SET checks_as_of = NULL WHERE patient_id`;
const SOURCES: [table: string, stale: string][] = [
  ['fills', BOTH],
  ['patient_conditions', BOTH],
  ['patient_medications', CHECKS],
  ['patient_labs', CHECKS],
  ['patient_genotypes', CHECKS],
  ['check_dismissals', CHECKS],
];

export class PopulationFigures1765800000000 implements ForwardMigration {
  name = 'PopulationFigures1765800000000';

  async up(q: QueryRunner): Promise<void> {
    // Each living patient's whole-pharmacy figures, kept so the worklists and Today rank and page in SQL instead of
    // recomputing every patient per visit. Two halves, each current for the day in its as_of: adherence (Star
    // measures below threshold, their PDCs, late maintenance refills) and the clinical checks (finding titles per
    // worklist, for the knowledge version they were computed with). A missing row or an older as_of is stale and is
    // recomputed on the next read; a new day makes every row stale once.
    await q.query(`CREATE TABLE population_figures (
      patient_id TEXT PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
      adherence_as_of TEXT,
      star_measures_below INTEGER NOT NULL DEFAULT 0,
      lowest_pdc REAL,
      pdc_reasons TEXT NOT NULL DEFAULT '[]',
      most_days_late INTEGER,
      late_refills TEXT NOT NULL DEFAULT '[]',
      checks_as_of TEXT,
      knowledge_version TEXT,
      serious TEXT NOT NULL DEFAULT '[]',
      serious_count INTEGER NOT NULL DEFAULT 0,
      review TEXT NOT NULL DEFAULT '[]',
      review_count INTEGER NOT NULL DEFAULT 0,
      care_gaps TEXT NOT NULL DEFAULT '[]',
      care_gap_count INTEGER NOT NULL DEFAULT 0
    )`);
    // A write to any source table makes that patient's figures stale at once (a patient moved between rows makes
    // both stale). Kept narrow: only rows whose patient changed are touched.
    for (const [table, stale] of SOURCES) {
      await createTrigger(
        q,
        `CREATE TRIGGER trg_${table}_figures_insert AFTER INSERT ON ${table} BEGIN ${stale} = NEW.patient_id; END`,
      );
      await createTrigger(
        q,
        `CREATE TRIGGER trg_${table}_figures_update AFTER UPDATE ON ${table}
         BEGIN ${stale} IN (OLD.patient_id, NEW.patient_id); END`,
      );
      await createTrigger(
        q,
        `CREATE TRIGGER trg_${table}_figures_delete AFTER DELETE ON ${table} BEGIN ${stale} = OLD.patient_id; END`,
      );
    }
    // Age and sex are in the checks (older-adult criteria, sex-specific rules).
    await createTrigger(
      q,
      `CREATE TRIGGER trg_patients_figures_update AFTER UPDATE OF date_of_birth, sex ON patients
       BEGIN ${CHECKS} = NEW.id; END`,
    );
  }
}
