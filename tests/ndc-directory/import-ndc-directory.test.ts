import type { QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { all, sql } from '../../main/db/sql';
import { importNdcDirectory } from '../../main/ndc-directory/import-ndc-directory';
import { createTrigger } from '../../migrations/dialect';
import { mtm } from '../helpers/mtm-cli';
import { auditRows, newPharmacy, PASSWORD } from '../helpers/temp-pharmacy';
import { ndcFolder, ndcZip, PACKAGE_HEADER, PACKAGES, PRODUCT_HEADER, PRODUCTS, tsv } from './ndc-fixture';

type ProductRow = { product_ndc: string; proprietary_name: string; strength: string; dea_schedule: string | null };

const counts = async (session: Awaited<ReturnType<typeof newPharmacy>>['session']) => {
  const db = session.current().db;
  const [p] = await all<{ n: number }>(db, sql`SELECT count(*) AS n FROM ndc_products`);
  const [k] = await all<{ n: number }>(db, sql`SELECT count(*) AS n FROM ndc_packages`);
  const release = await all<{ release: string; products: number; packages: number; skipped: number }>(
    db,
    sql`SELECT release, products, packages, skipped FROM ndc_release`,
  );
  return { products: Number(p!.n), packages: Number(k!.n), release };
};

describe('the FDA NDC Directory loader', () => {
  it('loads products and packages from the zip as FDA publishes it, in one transaction with its audit row', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    const report = await importNdcDirectory(db, user, await ndcZip());
    expect(report).toEqual({
      release: 'ndctext',
      fileDate: '2026-12-01',
      products: 5,
      packages: 5,
      excluded: { products: 1, packages: 1 },
      skipped: { products: 0, packages: 0 },
      duplicates: { products: 0, packages: 0 },
      problems: [],
    });

    const products = await all<ProductRow & { marketing_end: string | null; excluded: string | null }>(
      db,
      sql`SELECT product_ndc, proprietary_name, strength, dea_schedule, marketing_end, excluded
          FROM ndc_products ORDER BY product_ndc`,
    );
    expect(products).toEqual([
      {
        product_ndc: '0002-3227',
        proprietary_name: 'Strattera',
        strength: '10 mg',
        dea_schedule: null,
        marketing_end: null,
        excluded: null,
      },
      {
        product_ndc: '0006-0575',
        proprietary_name: 'Janumet',
        strength: '50 mg; 500 mg',
        dea_schedule: null,
        marketing_end: null,
        excluded: null,
      },
      {
        product_ndc: '0071-0155',
        proprietary_name: 'Lipitor',
        strength: '10 mg',
        dea_schedule: null,
        marketing_end: null,
        excluded: null,
      },
      {
        product_ndc: '57844-110',
        proprietary_name: 'Adderall',
        strength: '2.5 mg; 2.5 mg; 2.5 mg; 2.5 mg',
        dea_schedule: 'CII',
        marketing_end: null,
        excluded: null,
      },
      {
        product_ndc: '65862-008',
        proprietary_name: 'Metformin Hydrochloride',
        strength: '500 mg',
        dea_schedule: null,
        marketing_end: '2025-06-30',
        excluded: 'E',
      },
    ]);
    // Each configuration padded to 5-4-2 where its short segment is.
    const packages = await all<{ ndc11: string; ndc_dashed: string; product_ndc: string }>(
      db,
      sql`SELECT ndc11, ndc_dashed, product_ndc FROM ndc_packages ORDER BY ndc11`,
    );
    expect(packages.map((p) => `${p.ndc11} ${p.ndc_dashed} ${p.product_ndc}`)).toEqual([
      '00002322730 0002-3227-30 0002-3227',
      '00006057561 0006-0575-61 0006-0575',
      '00071015523 0071-0155-23 0071-0155',
      '57844011001 57844-110-01 57844-110',
      '65862000801 65862-008-01 65862-008',
    ]);
    expect(
      await all(db, sql`SELECT release, file_date, products, packages, skipped, loaded_by FROM ndc_release`),
    ).toEqual([
      { release: 'ndctext', file_date: '2026-12-01', products: 5, packages: 5, skipped: 0, loaded_by: 'pharmacist1' },
    ]);
    const audit = (await auditRows(session)).find((r) => r.action === 'drugs.loadNdcDirectory');
    expect(audit).toMatchObject({
      outcome: 'success',
      detail:
        'ndctext (2026-12-01): 5 products, 5 packages (1 products and 1 packages not current listings), 0 rows skipped',
    });
  });

  it('counts and reports the rows it cannot read, keeps the first of a repeated NDC, and replaces the previous release', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    await importNdcDirectory(db, user, await ndcZip());

    const products = [
      ...PRODUCTS.slice(0, 3),
      PRODUCTS[0]!.map((v, i) => (i === 0 ? '0002-3227_other' : v)), // the same product in a second SPL
      PRODUCTS[3]!.map((v, i) => (i === 1 ? '57844-11' : v)), // line 6: not a product code
      PRODUCTS[4]!.slice(0, 10), // line 7: cut short
    ];
    const packages = [
      ...PACKAGES.slice(0, 3),
      ['0002-3227_other', '0002-3227', '0002-3227-30', 'the same package again', '20021126', '', 'N', 'N'],
      PACKAGES[3]!, // line 6: its product was skipped
      ['0071-0155_5e4d3a11', '0071-0155', '0071-0155-2', 'bad code', '', '', 'N', 'N'], // line 7
      ['0071-0155_5e4d3a11', '0071-0155', '0071-0156-23', 'other product', '', '', 'N', 'N'], // line 8
      ['0071-0155_5e4d3a11', '0071-0155', '0071-0155-40', 'flag', '', '', 'X', 'N'], // line 9
    ];
    const folder = ndcFolder({ product: tsv(PRODUCT_HEADER, products), package: tsv(PACKAGE_HEADER, packages) });
    const report = await importNdcDirectory(db, user, folder);
    expect(report).toMatchObject({
      release: 'ndctext',
      fileDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      products: 3,
      packages: 3,
      excluded: { products: 0, packages: 0 },
      skipped: { products: 2, packages: 4 },
      duplicates: { products: 1, packages: 1 },
    });
    expect(report.problems).toEqual([
      {
        file: 'product.txt',
        line: 6,
        reason: 'PRODUCTNDC "57844-11" is not a labeler-product code (4-4, 5-3 or 5-4 digits)',
      },
      { file: 'product.txt', line: 7, reason: 'has 10 fields, the header row has 20' },
      { file: 'package.txt', line: 6, reason: 'PRODUCTID "57844-110_0b9e6f42" is not a product read from product.txt' },
      {
        file: 'package.txt',
        line: 7,
        reason: 'NDCPACKAGECODE "0071-0155-2" is not a package NDC (4-4-2, 5-3-2 or 5-4-1 digits)',
      },
      { file: 'package.txt', line: 8, reason: 'NDCPACKAGECODE 0071-0156-23 is not a package of product 0071-0155' },
      { file: 'package.txt', line: 9, reason: 'NDC_EXCLUDE_FLAG "X" is not N, E, I, U or D' },
    ]);
    // The first release is gone: only the second's rows are there.
    expect(await counts(session)).toEqual({
      products: 3,
      packages: 3,
      release: [{ release: 'ndctext', products: 3, packages: 3, skipped: 6 }],
    });
  });

  it('refuses a release missing a file or a column, naming it, and a load failing half-way leaves the previous release', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    await importNdcDirectory(db, user, ndcFolder({}, 'first'));
    const before = await counts(session);
    expect(before).toMatchObject({ products: 5, packages: 5, release: [{ release: 'first' }] });

    await expect(importNdcDirectory(db, user, ndcFolder({}, 'no-packages', 'package.txt'))).rejects.toThrow(
      /^no-packages has no package.txt\. Give the FDA NDC Directory zip/,
    );
    const noCode = tsv(
      PACKAGE_HEADER.filter((h) => h !== 'NDCPACKAGECODE'),
      PACKAGES.map((r) => r.filter((_, i) => i !== 2)),
    );
    await expect(importNdcDirectory(db, user, await ndcZip({ package: noCode }, 'second.zip'))).rejects.toThrow(
      /^package\.txt has no column NDCPACKAGECODE in its header row/,
    );
    const noStrength = tsv(
      PRODUCT_HEADER.filter((h) => !h.startsWith('ACTIVE_')),
      PRODUCTS.map((r) => r.filter((_, i) => PRODUCT_HEADER[i]!.startsWith('ACTIVE_') === false)),
    );
    await expect(importNdcDirectory(db, user, ndcFolder({ product: noStrength }, 'third'))).rejects.toThrow(
      /^product\.txt has no column ACTIVE_NUMERATOR_STRENGTH, ACTIVE_INGRED_UNIT in its header row/,
    );
    await expect(importNdcDirectory(db, user, ndcFolder({ product: '' }, 'fourth'))).rejects.toThrow(
      /product\.txt is empty/,
    );
    expect(await counts(session)).toEqual(before);

    // A write refused after the old rows were deleted and the new ones inserted: all of it is rolled back.
    await createTrigger(
      db as unknown as QueryRunner,
      `CREATE TRIGGER ndc_release_refused BEFORE INSERT ON ndc_release BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const fewer = tsv(PACKAGE_HEADER, PACKAGES.slice(0, 1));
    await expect(importNdcDirectory(db, user, ndcFolder({ package: fewer }, 'fifth'))).rejects.toThrow(
      /refused by the test/,
    );
    expect(await counts(session)).toEqual(before);
  });

  it('is run by `mtm import ndc`, an administrator’s job', async () => {
    const { session, dataDir } = await newPharmacy();
    await session.signOut();
    const zip = await ndcZip();
    const r = mtm(['import', 'ndc', zip, '--data', dataDir, '--user', 'pharmacist1'], {
      env: { MTM_PASSWORD: PASSWORD },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'Loaded the FDA NDC Directory ndctext (files of 2026-12-01): 5 products, 5 packages (1 products and 1 packages are not current listings).',
    );
    expect(r.code).toBe(0);
    const missing = mtm(['import', 'ndc', '--data', dataDir, '--user', 'pharmacist1'], {
      env: { MTM_PASSWORD: PASSWORD },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Missing the FDA NDC Directory zip');
  });
});
