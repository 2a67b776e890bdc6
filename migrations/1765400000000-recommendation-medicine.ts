import type { QueryRunner } from 'typeorm';
import { run, sql } from '../main/db/sql';
import type { ForwardMigration } from './forward-only';
import wording from '../resources/templates/action-plan-phrases.json';

export class RecommendationMedicine1765400000000 implements ForwardMigration {
  name = 'RecommendationMedicine1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // The one medicine a recommendation acts on. NULL for recommendations made before it was asked: their
    // action-plan text stays exactly as it was printed.
    await q.query(`ALTER TABLE review_recommendations ADD COLUMN medicine TEXT`);
    // The action-plan item in Spanish too; empty for earlier items (a Spanish summary prints their English words,
    // and says so before printing).
    await q.query(`ALTER TABLE review_recommendations ADD COLUMN talked_about_es TEXT NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE review_recommendations ADD COLUMN to_do_es TEXT NOT NULL DEFAULT ''`);
    // The pharmacy's phrases gain Spanish wording; its own phrases and those it edited have none until it writes it.
    await q.query(`ALTER TABLE map_phrases ADD COLUMN talked_about_es TEXT NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE map_phrases ADD COLUMN to_do_es TEXT NOT NULL DEFAULT ''`);
    // Starter phrases never changed (still written by "MTM Desk starter phrases …", same action and name) take the
    // new wording, which names the one medicine in every step, in English and Spanish.
    const now = new Date().toISOString();
    for (const p of wording.phrases)
      await run(
        q,
        sql`UPDATE map_phrases SET talked_about = ${p.talkedAbout}, to_do = ${p.toDo}, talked_about_es = ${p.talkedAboutEs},
           to_do_es = ${p.toDoEs}, updated_at = ${now}, updated_by = ${`MTM Desk starter phrases ${wording.version}`}
         WHERE action = ${p.action} AND label = ${p.label} AND updated_by LIKE 'MTM Desk starter phrases %'`,
      );
  }
}
