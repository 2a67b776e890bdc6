import { describe, expect, it } from 'vitest';
import { all, run, sql } from '../../main/db/sql';
import wording from '../../resources/templates/action-plan-phrases.json';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { insert, PATIENT, PRESCRIBER, PROBLEM, REVIEW, rowsOf } from './rows';

// A recommendation names the one medicine it acts on (NULL for those made before), and action-plan items and
// phrases gain Spanish ('' before). Starter phrases the pharmacy never changed take the bilingual wording that names
// the medicine in every step; its own phrases and those it edited keep exactly what it wrote.
describe('migration 1765400000000-recommendation-medicine', () => {
  it('keeps earlier recommendations as printed and the pharmacy’s own phrases as written', async () => {
    const { db: old, migrate } = await beforeMigration('RecommendationMedicine1765400000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'prescribers', PRESCRIBER);
    await insert(old, 'drug_therapy_problems', PROBLEM);
    await insert(old, 'reviews', REVIEW);
    const taper = {
      id: 'rec1',
      review_id: REVIEW.id,
      problem_id: PROBLEM.id,
      action: 'stop',
      actor: 'prescriber',
      prescriber_id: PRESCRIBER.id,
      detail: 'Taper omeprazole to 20 mg every other day for 2 weeks, then stop.',
      talked_about: 'Stopping Omeprazole taken for more than 8 weeks.',
      to_do: 'Stop taking Omeprazole taken for more than 8 weeks once your prescriber agrees.',
      created_at: REVIEW.updated_at,
      created_by: 'pharmacist1',
    };
    await insert(old, 'review_recommendations', taper);
    // The pharmacy edited one starter phrase and wrote one of its own.
    await run(
      old,
      sql`UPDATE map_phrases SET to_do = ${'Stop {medicine} when the doctor says so.'}, updated_by = ${'pharmacist1'}
          WHERE label = ${'Stop a medicine'}`,
    );
    const own = {
      id: 'own1',
      action: 'monitor',
      label: 'Blood pressure log',
      talked_about: 'Your blood pressure.',
      to_do: 'Check it each morning.',
      updated_at: REVIEW.updated_at,
      updated_by: 'pharmacist1',
    };
    await insert(old, 'map_phrases', own);
    const recommendationColumns = await columnsOf(old, 'review_recommendations');
    const phraseColumns = await columnsOf(old, 'map_phrases');
    const db = await migrate();

    expect(await columnsOf(db, 'review_recommendations')).toEqual([
      ...recommendationColumns,
      'medicine TEXT',
      "talked_about_es TEXT NOT NULL DEFAULT ''",
      "to_do_es TEXT NOT NULL DEFAULT ''",
    ]);
    expect(await columnsOf(db, 'map_phrases')).toEqual([
      ...phraseColumns,
      "talked_about_es TEXT NOT NULL DEFAULT ''",
      "to_do_es TEXT NOT NULL DEFAULT ''",
    ]);
    const [kept] = await rowsOf(db, 'review_recommendations');
    expect(kept).toMatchObject({ ...taper, medicine: null, talked_about_es: '', to_do_es: '' });

    type Phrase = { label: string; to_do: string; talked_about_es: string; to_do_es: string; updated_by: string };
    const phrases = await all<Phrase>(
      db,
      sql`SELECT label, to_do, talked_about_es, to_do_es, updated_by FROM map_phrases ORDER BY rowid`,
    );
    const untouched = wording.phrases.filter((p) => p.label !== 'Stop a medicine');
    expect(phrases.filter((p) => p.updated_by.startsWith('MTM Desk'))).toEqual(
      untouched.map((p) => ({
        label: p.label,
        to_do: p.toDo,
        talked_about_es: p.talkedAboutEs,
        to_do_es: p.toDoEs,
        updated_by: `MTM Desk starter phrases ${wording.version}`,
      })),
    );
    expect(phrases.filter((p) => p.updated_by === 'pharmacist1')).toEqual([
      {
        label: 'Stop a medicine',
        to_do: 'Stop {medicine} when the doctor says so.',
        talked_about_es: '',
        to_do_es: '',
        updated_by: 'pharmacist1',
      },
      { label: 'Blood pressure log', to_do: own.to_do, talked_about_es: '', to_do_es: '', updated_by: 'pharmacist1' },
    ]);
    await db.destroy();
  });
});
