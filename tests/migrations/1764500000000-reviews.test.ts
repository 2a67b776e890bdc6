import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, REVIEW, rowsOf } from './rows';

// Adds reviews (CMR, TMR or follow-up, saved field by field; type, status, delivery method and step
// checked) and how each reconciliation line was settled with the patient.
describe('migration 1764500000000-reviews', () => {
  it('creates reviews for existing patients, with their defaults and checks, and reconciliation lines', async () => {
    const { db: old, migrate } = await beforeMigration('Reviews1764500000000');
    await insert(old, 'patients', PATIENT);
    const db = await migrate();

    expect(await rowsOf(db, 'patients')).toEqual([{ ...PATIENT, external_id: null }]);
    expect(await columnsOf(db, 'reviews')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'type TEXT NOT NULL',
      'status TEXT NOT NULL',
      'pharmacist TEXT NOT NULL',
      'delivery_method TEXT',
      'caregiver_name TEXT',
      'caregiver_relationship TEXT',
      'cognitive_impairment INTEGER NOT NULL DEFAULT 0',
      'cmr_offered_date TEXT',
      'cmr_offered_method TEXT',
      'cmr_date TEXT',
      'summary_sent_date TEXT',
      'concerns TEXT',
      'current_step INTEGER NOT NULL DEFAULT 1',
      'timer_seconds INTEGER NOT NULL DEFAULT 0',
      'timer_running_since TEXT',
      'reconciliation_snapshot TEXT',
      'version INTEGER NOT NULL DEFAULT 1',
      'created_at TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
      'completed_at TEXT',
    ]);
    expect(await indexesOf(db, 'reviews')).toEqual(['index idx_reviews_patient']);
    expect(await columnsOf(db, 'review_reconciliation')).toEqual([
      'review_id TEXT NOT NULL',
      'line_key TEXT NOT NULL',
      'resolution TEXT NOT NULL',
      'note TEXT',
      'resolved_at TEXT NOT NULL',
      'resolved_by TEXT NOT NULL',
    ]);

    const draft = {
      id: 'r1',
      patient_id: PATIENT.id,
      type: 'tmr',
      status: 'draft',
      pharmacist: 'pharmacist1',
      created_at: REVIEW.created_at,
      updated_at: REVIEW.updated_at,
      updated_by: 'pharmacist1',
    };
    await insert(db, 'reviews', draft);
    const [saved] = await rowsOf(db, 'reviews');
    expect(saved).toMatchObject({ cognitive_impairment: 0, current_step: 1, timer_seconds: 0, version: 1 });
    await insert(db, 'reviews', REVIEW);
    for (const bad of [{ type: 'annual' }, { status: 'done' }, { delivery_method: 'email' }, { current_step: 6 }]) {
      await expect(insert(db, 'reviews', { ...REVIEW, id: 'r2', ...bad })).rejects.toThrow(/CHECK/);
    }

    const line = {
      review_id: REVIEW.id,
      line_key: 'rx:197361',
      resolved_at: REVIEW.updated_at,
      resolved_by: 'pharmacist1',
    };
    await insert(db, 'review_reconciliation', { ...line, resolution: 'differently', note: 'Takes it at night' });
    const other = { ...line, line_key: 'otc:ibuprofen', resolution: 'forgot' };
    await expect(insert(db, 'review_reconciliation', other)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
