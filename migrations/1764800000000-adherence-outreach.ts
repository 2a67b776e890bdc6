import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class AdherenceOutreach1764800000000 implements ForwardMigration {
  name = 'AdherenceOutreach1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // Each attempt to reach a patient about adherence, with what came of it.
    await q.query(`CREATE TABLE adherence_outreach (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      attempted_on TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('phone', 'text', 'inPerson', 'mail')),
      result TEXT NOT NULL CHECK (result IN ('reached', 'leftMessage', 'unableAfterThree', 'refused')),
      intervention TEXT NOT NULL CHECK (intervention IN ('none', 'education', 'ninetyDay', 'synchronization', 'reminder', 'prescriberContact')),
      note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_outreach_patient ON adherence_outreach (patient_id, attempted_on)`);
  }
}
