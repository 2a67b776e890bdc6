import { describe, expect, it } from 'vitest';
import { all, sql } from '../../main/db/sql';
import starter from '../../resources/templates/map-phrases.json';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, PRESCRIBER, PROBLEM, REVIEW, rowsOf } from './rows';

// Gives reviews the plan's fields (problems confirmed, referrals, education, SOAP note, follow-up date,
// signer: NULL for reviews already there) and the CMR recipient ('beneficiary' unless said otherwise); adds
// recommendations (a prescriber exactly when the prescriber is to act), prescriber communications, addenda,
// and the editable Medication Action Plan phrases, filled from the bundled starter list.
describe('migration 1764600000000-review-plan', () => {
  it('adds the plan columns to existing reviews, the recipient defaulting to the beneficiary', async () => {
    const { db: old, migrate } = await beforeMigration('ReviewPlan1764600000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    const reviewsBefore = await columnsOf(old, 'reviews');
    const db = await migrate();

    const added = [
      'problems_confirmed_at',
      'problems_confirmed_by',
      'referrals',
      'education',
      'soap_note',
      'follow_up_date',
      'signed_by',
    ];
    expect(await columnsOf(db, 'reviews')).toEqual([
      ...reviewsBefore,
      ...added.map((c) => `${c} TEXT`),
      "recipient TEXT NOT NULL DEFAULT 'beneficiary'",
    ]);
    expect(await rowsOf(db, 'reviews')).toEqual([
      { ...REVIEW, ...Object.fromEntries(added.map((c) => [c, null])), recipient: 'beneficiary' },
    ]);
    await insert(db, 'reviews', { ...REVIEW, id: 'r2', recipient: 'caregiver' });
    await expect(insert(db, 'reviews', { ...REVIEW, id: 'r3', recipient: 'neighbour' })).rejects.toThrow(/CHECK/);
    expect(await indexesOf(db, 'reviews')).toEqual(['index idx_reviews_follow_up', 'index idx_reviews_patient']);

    expect(await columnsOf(db, 'map_phrases')).toEqual([
      'id TEXT',
      'action TEXT NOT NULL',
      'label TEXT NOT NULL',
      'talked_about TEXT NOT NULL',
      'to_do TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    type Phrase = { action: string; label: string; talked_about: string; to_do: string; updated_by: string };
    const phrases = await all<Phrase>(
      db,
      sql`SELECT action, label, talked_about, to_do, updated_by FROM map_phrases ORDER BY rowid`,
    );
    expect(phrases).toEqual(
      starter.phrases.map((p) => ({
        action: p.action,
        label: p.label,
        talked_about: p.talkedAbout,
        to_do: p.toDo,
        updated_by: `MTM Desk starter phrases ${starter.version}`,
      })),
    );
    await db.destroy();
  });

  it('creates recommendations, communications and addenda for existing reviews, problems, prescribers', async () => {
    const { db: old, migrate } = await beforeMigration('ReviewPlan1764600000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'prescribers', PRESCRIBER);
    await insert(old, 'drug_therapy_problems', PROBLEM);
    await insert(old, 'reviews', REVIEW);
    const db = await migrate();

    expect(await rowsOf(db, 'prescribers')).toEqual([PRESCRIBER]);
    expect(await rowsOf(db, 'drug_therapy_problems')).toEqual([PROBLEM]);
    expect(await columnsOf(db, 'review_recommendations')).toEqual([
      'id TEXT',
      'review_id TEXT NOT NULL',
      'problem_id TEXT NOT NULL',
      'action TEXT NOT NULL',
      'actor TEXT NOT NULL',
      'prescriber_id TEXT',
      'detail TEXT NOT NULL',
      "talked_about TEXT NOT NULL DEFAULT ''",
      "to_do TEXT NOT NULL DEFAULT ''",
      'outcome TEXT',
      'outcome_date TEXT',
      'outcome_note TEXT',
      'outcome_by TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'review_recommendations')).toEqual(['index idx_recommendations_review']);
    expect(await columnsOf(db, 'review_communications')).toEqual([
      'review_id TEXT NOT NULL',
      'prescriber_id TEXT NOT NULL',
      'method TEXT NOT NULL',
      'sent_date TEXT NOT NULL',
      'due_date TEXT NOT NULL',
      'recorded_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'review_communications')).toEqual(['index idx_communications_due']);
    expect(await columnsOf(db, 'review_addenda')).toEqual([
      'id TEXT',
      'review_id TEXT NOT NULL',
      'text TEXT NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);

    const taper = {
      id: 'rec1',
      review_id: REVIEW.id,
      problem_id: PROBLEM.id,
      action: 'stop',
      actor: 'prescriber',
      prescriber_id: PRESCRIBER.id,
      detail: 'Taper omeprazole to 20 mg every other day for 2 weeks, then stop.',
      created_at: REVIEW.updated_at,
      created_by: 'pharmacist1',
    };
    await insert(db, 'review_recommendations', taper);
    const [saved] = await rowsOf(db, 'review_recommendations');
    expect(saved).toMatchObject({ talked_about: '', to_do: '', outcome: null });
    const refused = [
      { actor: 'prescriber', prescriber_id: null },
      { actor: 'patient', prescriber_id: PRESCRIBER.id },
      { action: 'pray' },
      { outcome: 'ignored' },
    ];
    for (const r of refused) {
      await expect(insert(db, 'review_recommendations', { ...taper, id: 'rec2', ...r })).rejects.toThrow(/CHECK/);
    }

    const fax = { review_id: REVIEW.id, prescriber_id: PRESCRIBER.id, method: 'fax', sent_date: '2025-11-21' };
    await insert(db, 'review_communications', { ...fax, due_date: '2025-12-05', recorded_by: 'pharmacist1' });
    const again = { ...fax, method: 'phone', due_date: '2025-12-05', recorded_by: 'pharmacist1' };
    await expect(insert(db, 'review_communications', again)).rejects.toThrow(/UNIQUE/);
    const note = { id: 'ad1', review_id: 'nonexistent', text: 'Patient called back.', created_at: REVIEW.updated_at };
    await expect(insert(db, 'review_addenda', { ...note, created_by: 'pharmacist1' })).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
