import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class Icd10cmRelease1765200000000 implements ForwardMigration {
  name = 'Icd10cmRelease1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // The full ICD-10-CM code set a pharmacy may load from the yearly CMS release (billable codes only);
    // the bundled subset with plain-language names is always there besides.
    await q.query(`CREATE TABLE icd10cm_codes (code TEXT PRIMARY KEY, title TEXT NOT NULL)`);
    await q.query(
      `CREATE TABLE icd10cm_release (id INTEGER PRIMARY KEY CHECK (id = 1), release TEXT NOT NULL, codes INTEGER NOT NULL, loaded_at TEXT NOT NULL, loaded_by TEXT NOT NULL)`,
    );
  }
}
