import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class NdcDirectory1766400000000 implements ForwardMigration {
  name = 'NdcDirectory1766400000000';

  async up(q: QueryRunner): Promise<void> {
    // The FDA NDC Directory a pharmacy may load (product.txt and package.txt): which drug product each
    // package NDC is, to name a scanned or exported NDC and to read a 10-digit NDC without dashes.
    // excluded holds FDA's NDC_EXCLUDE_FLAG when the listing is not a current one (E, I, U, D); NULL when it is.
    await q.query(
      `CREATE TABLE ndc_products (product_ndc TEXT PRIMARY KEY, proprietary_name TEXT, nonproprietary_name TEXT, dosage_form TEXT, route TEXT, strength TEXT, labeler TEXT, dea_schedule TEXT, marketing_end TEXT, excluded TEXT)`,
    );
    await q.query(
      `CREATE TABLE ndc_packages (ndc11 TEXT PRIMARY KEY, ndc_dashed TEXT NOT NULL, product_ndc TEXT NOT NULL REFERENCES ndc_products (product_ndc), description TEXT, excluded TEXT)`,
    );
    await q.query(`CREATE INDEX idx_ndc_packages_product ON ndc_packages (product_ndc)`);
    await q.query(
      `CREATE TABLE ndc_release (id INTEGER PRIMARY KEY CHECK (id = 1), release TEXT NOT NULL, file_date TEXT, products INTEGER NOT NULL, packages INTEGER NOT NULL, skipped INTEGER NOT NULL, loaded_at TEXT NOT NULL, loaded_by TEXT NOT NULL)`,
    );
    // A 10-digit NDC is read by the pharmacy's own fills among others, and a package named by its latest fill.
    await q.query(`CREATE INDEX idx_fills_ndc ON fills (ndc, fill_date)`);
  }
}
