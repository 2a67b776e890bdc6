import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class BagScans1766500000000 implements ForwardMigration {
  name = 'BagScans1766500000000';

  async up(q: QueryRunner): Promise<void> {
    // The bottles a patient brought, one row per scan: what the code said (NDC, lot, expiry, serial, or the Rx
    // number of the pharmacy's own label) and the product it named when scanned. Where each lands — on the list,
    // filled here, new, expired, twice — is worked out when the bag is read, so it follows the list as it changes.
    // A bag is the scans of one review, or of one patient on one day (scanned_on, the pharmacy's date) outside one.
    await q.query(
      `CREATE TABLE bag_scans (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients (id), review_id TEXT REFERENCES reviews (id), scanned_on TEXT NOT NULL, scanned_at TEXT NOT NULL, scanned_by TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('gs1', 'retail', 'label')), ndc TEXT, product TEXT NOT NULL, strength TEXT, dose_form TEXT, lot TEXT, expiry TEXT, serial TEXT, rx_number TEXT, fill_id TEXT REFERENCES fills (id))`,
    );
    await q.query(`CREATE INDEX idx_bag_scans_patient ON bag_scans (patient_id, scanned_on)`);
    await q.query(`CREATE INDEX idx_bag_scans_review ON bag_scans (review_id)`);
  }
}
