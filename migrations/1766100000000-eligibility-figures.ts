import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class EligibilityFigures1766100000000 implements ForwardMigration {
  name = 'EligibilityFigures1766100000000';

  async up(q: QueryRunner): Promise<void> {
    // A third half of each patient's population figures: the year of fills summed as the eligibility screen reads
    // them (the drugs filled, their cost, how many fills were costed or not recognised, the first fill), current for
    // the day in eligibility_as_of. The fills triggers of 1765800000000 already drop the whole row when a fill changes.
    for (const column of [
      'eligibility_as_of TEXT',
      'fill_drugs TEXT',
      'fill_cost REAL',
      'fills_costed INTEGER NOT NULL DEFAULT 0',
      'fills_unclassified INTEGER NOT NULL DEFAULT 0',
      'first_fill TEXT',
    ])
      await q.query(`ALTER TABLE population_figures ADD COLUMN ${column}`);
  }
}
