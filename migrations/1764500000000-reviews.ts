import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class Reviews1764500000000 implements ForwardMigration {
  name = 'Reviews1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // A CMR, TMR or follow-up encounter; every field saved as it is entered, so a review resumes where it was left.
    await q.query(`CREATE TABLE reviews (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      type TEXT NOT NULL CHECK (type IN ('cmr', 'tmr', 'followUp')),
      status TEXT NOT NULL CHECK (status IN ('draft', 'inProgress', 'awaitingPrescriber', 'completed')),
      pharmacist TEXT NOT NULL,
      delivery_method TEXT CHECK (delivery_method IN ('inPerson', 'telephone', 'video')),
      caregiver_name TEXT,
      caregiver_relationship TEXT,
      cognitive_impairment INTEGER NOT NULL DEFAULT 0,
      cmr_offered_date TEXT,
      cmr_offered_method TEXT,
      cmr_date TEXT,
      summary_sent_date TEXT,
      concerns TEXT,
      current_step INTEGER NOT NULL DEFAULT 1 CHECK (current_step BETWEEN 1 AND 5),
      timer_seconds INTEGER NOT NULL DEFAULT 0,
      timer_running_since TEXT,
      reconciliation_snapshot TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      completed_at TEXT
    )`);
    await q.query(`CREATE INDEX idx_reviews_patient ON reviews (patient_id, status)`);
    // How the pharmacist settled each reconciliation line with the patient.
    await q.query(`CREATE TABLE review_reconciliation (
      review_id TEXT NOT NULL REFERENCES reviews (id),
      line_key TEXT NOT NULL,
      resolution TEXT NOT NULL CHECK (resolution IN ('asListed', 'differently', 'notTaking', 'stopped')),
      note TEXT,
      resolved_at TEXT NOT NULL,
      resolved_by TEXT NOT NULL,
      PRIMARY KEY (review_id, line_key)
    )`);
  }
}
