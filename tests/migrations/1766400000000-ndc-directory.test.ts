import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { openPostgres } from '../../main/db/postgres-source';
import { all, run, sql } from '../../main/db/sql';
import { FILE_ONLY } from '../helpers/backend';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { insert, indexesOf, PATIENT, rowsOf, tablesOf } from './rows';

// Adds the FDA NDC Directory a pharmacy may load (products by labeler-product code, packages by 11-digit
// NDC), the one row saying which release is loaded, and an index reading fills by NDC; fills stay as they were.
const PRODUCT = {
  product_ndc: '0002-3227',
  proprietary_name: 'Strattera',
  nonproprietary_name: 'atomoxetine hydrochloride',
  dosage_form: 'CAPSULE',
  route: 'ORAL',
  strength: '10 mg',
  labeler: 'Eli Lilly and Company',
  dea_schedule: null,
  marketing_end: null,
  excluded: null,
};
const PACKAGE = {
  ndc11: '00002322730',
  ndc_dashed: '0002-3227-30',
  product_ndc: '0002-3227',
  description: '30 CAPSULE in 1 BOTTLE (0002-3227-30)',
  excluded: null,
};
const RELEASE = {
  id: 1,
  release: 'ndctext',
  file_date: '2026-12-01',
  products: 1,
  packages: 1,
  skipped: 0,
  loaded_at: '2026-12-02T09:00:00.000Z',
  loaded_by: 'pharmacist1',
};
const FILL = {
  id: 'f1',
  patient_id: PATIENT.id,
  rx_number: '700123',
  fill_number: 0,
  fill_date: '2026-11-02',
  ndc: '00002322730',
  drug_name: 'STRATTERA 10MG CAP',
  quantity: 30,
  days_supply: 30,
  created_at: '2026-11-02T15:00:00.000Z',
};

const server = usePostgres();
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

describe('migration 1766400000000-ndc-directory', FILE_ONLY, () => {
  it('creates ndc_products, ndc_packages and a single-row ndc_release, and indexes fills by NDC', async () => {
    const { db: old, migrate } = await beforeMigration('NdcDirectory1766400000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'fills', FILL);
    const tablesBefore = await tablesOf(old);
    const fillsBefore = await rowsOf(old, 'fills');
    const db = await migrate();
    open.push(db);

    expect(await tablesOf(db)).toEqual([...tablesBefore, 'ndc_packages', 'ndc_products', 'ndc_release'].sort());
    expect(await rowsOf(db, 'fills')).toEqual(fillsBefore);
    expect(await indexesOf(db, 'fills')).toContain('index idx_fills_ndc');
    expect(await indexesOf(db, 'ndc_packages')).toEqual(['index idx_ndc_packages_product']);
    expect(await columnsOf(db, 'ndc_products')).toEqual([
      'product_ndc TEXT',
      'proprietary_name TEXT',
      'nonproprietary_name TEXT',
      'dosage_form TEXT',
      'route TEXT',
      'strength TEXT',
      'labeler TEXT',
      'dea_schedule TEXT',
      'marketing_end TEXT',
      'excluded TEXT',
    ]);
    expect(await columnsOf(db, 'ndc_packages')).toEqual([
      'ndc11 TEXT',
      'ndc_dashed TEXT NOT NULL',
      'product_ndc TEXT NOT NULL',
      'description TEXT',
      'excluded TEXT',
    ]);
    expect(await columnsOf(db, 'ndc_release')).toEqual([
      'id INTEGER',
      'release TEXT NOT NULL',
      'file_date TEXT',
      'products INTEGER NOT NULL',
      'packages INTEGER NOT NULL',
      'skipped INTEGER NOT NULL',
      'loaded_at TEXT NOT NULL',
      'loaded_by TEXT NOT NULL',
    ]);

    await insert(db, 'ndc_products', PRODUCT);
    await insert(db, 'ndc_packages', PACKAGE);
    expect(await rowsOf(db, 'ndc_packages')).toEqual([PACKAGE]);
    await expect(insert(db, 'ndc_products', PRODUCT)).rejects.toThrow(/UNIQUE/);
    await expect(insert(db, 'ndc_packages', PACKAGE)).rejects.toThrow(/UNIQUE/);
    await expect(
      insert(db, 'ndc_packages', { ...PACKAGE, ndc11: '00002322731', product_ndc: '9999-9999' }),
    ).rejects.toThrow(/FOREIGN KEY/);
    await insert(db, 'ndc_release', RELEASE);
    expect(await rowsOf(db, 'ndc_release')).toEqual([RELEASE]);
    await expect(insert(db, 'ndc_release', { ...RELEASE, id: 2 })).rejects.toThrow(/CHECK/);
  });

  it.skipIf(noPostgres)('builds the same tables on PostgreSQL', async () => {
    const at = MIGRATIONS.findIndex((m) => new m().name === 'NdcDirectory1766400000000');
    const db = await openPostgres(await server.newDatabase(), { ssl: false, migrations: MIGRATIONS.slice(0, at + 1) });
    open.push(db);
    await insert(db, 'ndc_products', PRODUCT);
    await insert(db, 'ndc_packages', PACKAGE);
    await insert(db, 'ndc_release', RELEASE);
    expect(await all(db, sql`SELECT * FROM ndc_packages`)).toEqual([PACKAGE]);
    expect(await all(db, sql`SELECT * FROM ndc_release`)).toEqual([RELEASE]);
    await expect(insert(db, 'ndc_release', { ...RELEASE, id: 2 })).rejects.toThrow(/check constraint/);
    await expect(
      insert(db, 'ndc_packages', { ...PACKAGE, ndc11: '00002322731', product_ndc: '9999-9999' }),
    ).rejects.toThrow(/foreign key/);
    const indexes = await all<{ indexname: string }>(
      db,
      sql`SELECT indexname FROM pg_indexes WHERE indexname IN ('idx_fills_ndc', 'idx_ndc_packages_product') ORDER BY indexname`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['idx_fills_ndc', 'idx_ndc_packages_product']);
    await run(db, sql`DELETE FROM ndc_packages`);
  });
});
