import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { run, sql } from '../main/db/sql';
import { addInsertionOrder } from './dialect';
import type { ForwardMigration } from './forward-only';
import starter from '../resources/templates/map-phrases.json';

export class ReviewPlan1764600000000 implements ForwardMigration {
  name = 'ReviewPlan1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of [
      'problems_confirmed_at',
      'problems_confirmed_by',
      'referrals',
      'education',
      'soap_note',
      'follow_up_date',
      'signed_by',
    ])
      await q.query(`ALTER TABLE reviews ADD COLUMN ${column} TEXT`);
    // Who received the CMR, as CMS's beneficiary-level data elements ask.
    await q.query(
      `ALTER TABLE reviews ADD COLUMN recipient TEXT NOT NULL DEFAULT 'beneficiary' CHECK (recipient IN ('beneficiary', 'prescriber', 'caregiver', 'other'))`,
    );
    // The plan: one recommendation per line, tied to a drug-therapy problem; its action-plan item
    // (what the patient reads) travels with it, and the prescriber's answer is recorded on it later.
    await q.query(`CREATE TABLE review_recommendations (
      id TEXT PRIMARY KEY,
      review_id TEXT NOT NULL REFERENCES reviews (id),
      problem_id TEXT NOT NULL REFERENCES drug_therapy_problems (id),
      action TEXT NOT NULL CHECK (action IN ('start', 'stop', 'changeDose', 'changeProduct', 'monitor', 'educate', 'refer')),
      actor TEXT NOT NULL CHECK (actor IN ('patient', 'prescriber', 'pharmacist')),
      prescriber_id TEXT REFERENCES prescribers (id),
      detail TEXT NOT NULL,
      talked_about TEXT NOT NULL DEFAULT '',
      to_do TEXT NOT NULL DEFAULT '',
      outcome TEXT CHECK (outcome IN ('accepted', 'modified', 'declined', 'noResponse')),
      outcome_date TEXT,
      outcome_note TEXT,
      outcome_by TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      CHECK ((actor = 'prescriber') = (prescriber_id IS NOT NULL))
    )`);
    await addInsertionOrder(q, 'review_recommendations');
    await q.query(`CREATE INDEX idx_recommendations_review ON review_recommendations (review_id)`);
    // One communication per prescriber per review.
    await q.query(`CREATE TABLE review_communications (
      review_id TEXT NOT NULL REFERENCES reviews (id),
      prescriber_id TEXT NOT NULL REFERENCES prescribers (id),
      method TEXT NOT NULL CHECK (method IN ('fax', 'phone', 'portal')),
      sent_date TEXT NOT NULL,
      due_date TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      PRIMARY KEY (review_id, prescriber_id)
    )`);
    await q.query(`CREATE INDEX idx_communications_due ON review_communications (due_date)`);
    await q.query(`CREATE TABLE review_addenda (
      id TEXT PRIMARY KEY,
      review_id TEXT NOT NULL REFERENCES reviews (id),
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_reviews_follow_up ON reviews (follow_up_date) WHERE follow_up_date IS NOT NULL`);
    await q.query(`CREATE TABLE map_phrases (
      id TEXT PRIMARY KEY,
      action TEXT NOT NULL,
      label TEXT NOT NULL,
      talked_about TEXT NOT NULL,
      to_do TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`);
    const now = new Date().toISOString();
    for (const p of starter.phrases) {
      await run(
        q,
        sql`INSERT INTO map_phrases (id, action, label, talked_about, to_do, updated_at, updated_by)
          VALUES (${randomUUID()}, ${p.action}, ${p.label}, ${p.talkedAbout}, ${p.toDo}, ${now},
            ${`MTM Desk starter phrases ${starter.version}`})`,
      );
    }
  }
}
