// Loads the FDA NDC Directory (product.txt and package.txt) into the database: each drug product by its
// labeler-product code, and each package by its 11-digit NDC. Every row is checked first; a row that cannot
// be read is counted and reported, never silently dropped. The previous release is replaced in the same
// transaction, so a failed load leaves the old one in place.
//
// NDC_EXCLUDE_FLAG (FDA's "NDC excluded" files: E expired listing, I inactive, U unfinished, D deleted) is
// kept with the row: the NDC is still the product it names, which an older fill or a bottle at home may
// carry, so it still reads a 10-digit NDC and names a scanned package; the flag says it is not a current listing.
import type { DataSource } from 'typeorm';
import { isIsoDate } from '../../preload/schemas/identifiers';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { audited, inOneTransaction, insertRows, oneImportAtATime, statement, type BulkWork } from '../db/bulk';
import { sql } from '../db/sql';
import { normalizeNdc } from '../fills/ndc';
import { openNdcFiles, type NdcFileName } from './read-ndc-files';

export interface NdcRowProblem {
  file: NdcFileName;
  line: number;
  reason: string;
}

export interface NdcDirectoryReport {
  release: string;
  /** When product.txt was written (YYYY-MM-DD), or null. */
  fileDate: string | null;
  /** Products and packages loaded (current and excluded listings). */
  products: number;
  packages: number;
  /** Of those, the ones FDA flags as not current (NDC_EXCLUDE_FLAG other than N). */
  excluded: { products: number; packages: number };
  /** Rows that could not be read and were not loaded. */
  skipped: { products: number; packages: number };
  /** Rows naming an NDC already read (the first is kept). */
  duplicates: { products: number; packages: number };
  /** The first problems, by file and line (there are skipped.products + skipped.packages in all). */
  problems: NdcRowProblem[];
}

const MAX_PROBLEMS = 50;
const PRODUCT_NDC = /^(\d{4}-\d{4}|\d{5}-\d{3}|\d{5}-\d{4})$/;
const PACKAGE_NDC = /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1})$/;
const EXCLUDE_FLAGS = new Set(['E', 'I', 'U', 'D']);

export interface NdcProduct {
  productNdc: string;
  proprietaryName: string | null;
  nonproprietaryName: string | null;
  dosageForm: string | null;
  route: string | null;
  strength: string | null;
  labeler: string | null;
  deaSchedule: string | null;
  marketingEnd: string | null;
  excluded: string | null;
}

interface NdcPackage {
  ndc11: string;
  dashed: string;
  productNdc: string;
  description: string | null;
  excluded: string | null;
}

const orNull = (s: string | undefined) => (s ? s : null);

/**
 * FDA's strengths and units, each a "; "-separated list in the order of the ingredients ("50; 500" and
 * "mg/1; mg/1"), as one readable text: "50 mg; 500 mg" ("/1" is per unit of the dose form: per tablet).
 */
export function readableStrength(numbers: string, units: string): string | null {
  const n = numbers.split(';').map((s) => s.trim());
  const u = units.split(';').map((s) => s.trim());
  if (!numbers && !units) return null;
  const unit = (s: string | undefined) => (s ?? '').replace(/\/1$/, '');
  if (n.length !== u.length) return `${numbers} ${units}`.trim();
  return n.map((x, i) => `${x} ${unit(u[i])}`.trim()).join('; ');
}

/** YYYYMMDD → YYYY-MM-DD; null if empty; undefined if not a date. */
function fdaDate(raw: string): string | null | undefined {
  if (!raw) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  return isIsoDate(iso) ? iso : undefined;
}

/** The flag as stored: null for a current listing, the letter otherwise; undefined if not one of FDA's. */
function excludeFlag(raw: string): string | null | undefined {
  const flag = raw.toUpperCase();
  if (flag === '' || flag === 'N') return null;
  return EXCLUDE_FLAGS.has(flag) ? flag : undefined;
}

/** Reads, checks and loads the release at `path` (zip or folder); an administrator's job. */
export async function importNdcDirectory(
  db: DataSource,
  user: SignedInUser,
  path: string,
): Promise<NdcDirectoryReport> {
  const files = await openNdcFiles(path);
  try {
    const problems: NdcRowProblem[] = [];
    const skipped = { products: 0, packages: 0 };
    const duplicates = { products: 0, packages: 0 };
    const bad = (file: NdcFileName, line: number, reason: string) => {
      skipped[file === 'product.txt' ? 'products' : 'packages']++;
      if (problems.length < MAX_PROBLEMS) problems.push({ file, line, reason });
    };

    const products = new Map<string, NdcProduct>();
    /** PRODUCTID → its product's NDC, for the packages (a repeated product keeps its packages). */
    const productOf = new Map<string, string>();
    for await (const r of files.lines('product.txt')) {
      if ('problem' in r) {
        bad('product.txt', r.line, r.problem);
        continue;
      }
      const f = r.fields;
      const endDate = fdaDate(f.ENDMARKETINGDATE);
      const flag = excludeFlag(f.NDC_EXCLUDE_FLAG);
      let reason: string | null = null;
      if (!f.PRODUCTID) reason = 'PRODUCTID is empty';
      else if (!PRODUCT_NDC.test(f.PRODUCTNDC))
        reason = `PRODUCTNDC "${f.PRODUCTNDC}" is not a labeler-product code (4-4, 5-3 or 5-4 digits)`;
      else if (endDate === undefined) reason = `ENDMARKETINGDATE "${f.ENDMARKETINGDATE}" is not a date (YYYYMMDD)`;
      else if (flag === undefined) reason = `NDC_EXCLUDE_FLAG "${f.NDC_EXCLUDE_FLAG}" is not N, E, I, U or D`;
      if (reason) {
        bad('product.txt', r.line, reason);
        continue;
      }
      productOf.set(f.PRODUCTID, f.PRODUCTNDC);
      if (products.has(f.PRODUCTNDC)) {
        duplicates.products++;
        continue;
      }
      const name = [f.PROPRIETARYNAME, f.PROPRIETARYNAMESUFFIX].filter(Boolean).join(' ');
      products.set(f.PRODUCTNDC, {
        productNdc: f.PRODUCTNDC,
        proprietaryName: orNull(name),
        nonproprietaryName: orNull(f.NONPROPRIETARYNAME),
        dosageForm: orNull(f.DOSAGEFORMNAME),
        route: orNull(f.ROUTENAME),
        strength: readableStrength(f.ACTIVE_NUMERATOR_STRENGTH, f.ACTIVE_INGRED_UNIT),
        labeler: orNull(f.LABELERNAME),
        deaSchedule: orNull(f.DEASCHEDULE),
        marketingEnd: endDate ?? null,
        excluded: flag ?? null,
      });
    }
    if (!products.size)
      throw new AppError(
        'validation',
        `product.txt of ${files.release} has no product that could be read${problems[0] ? ` (line ${problems[0].line}: ${problems[0].reason})` : ''}. Nothing was loaded.`,
      );

    const packages = new Map<string, NdcPackage>();
    for await (const r of files.lines('package.txt')) {
      if ('problem' in r) {
        bad('package.txt', r.line, r.problem);
        continue;
      }
      const f = r.fields;
      const productNdc = productOf.get(f.PRODUCTID);
      const flag = excludeFlag(f.NDC_EXCLUDE_FLAG);
      const ndc = normalizeNdc(f.NDCPACKAGECODE);
      let reason: string | null = null;
      if (!PACKAGE_NDC.test(f.NDCPACKAGECODE) || !('ndc' in ndc))
        reason = `NDCPACKAGECODE "${f.NDCPACKAGECODE}" is not a package NDC (4-4-2, 5-3-2 or 5-4-1 digits)`;
      else if (!productNdc) reason = `PRODUCTID "${f.PRODUCTID}" is not a product read from product.txt`;
      else if (!f.NDCPACKAGECODE.startsWith(`${productNdc}-`))
        reason = `NDCPACKAGECODE ${f.NDCPACKAGECODE} is not a package of product ${productNdc}`;
      else if (flag === undefined) reason = `NDC_EXCLUDE_FLAG "${f.NDC_EXCLUDE_FLAG}" is not N, E, I, U or D`;
      if (reason || !('ndc' in ndc)) {
        bad('package.txt', r.line, reason!);
        continue;
      }
      if (packages.has(ndc.ndc)) {
        duplicates.packages++;
        continue;
      }
      packages.set(ndc.ndc, {
        ndc11: ndc.ndc,
        dashed: f.NDCPACKAGECODE,
        productNdc: productNdc!,
        description: orNull(f.PACKAGEDESCRIPTION),
        excluded: flag ?? null,
      });
    }

    const report: NdcDirectoryReport = {
      release: files.release,
      fileDate: files.fileDate,
      products: products.size,
      packages: packages.size,
      excluded: {
        products: [...products.values()].filter((p) => p.excluded).length,
        packages: [...packages.values()].filter((p) => p.excluded).length,
      },
      skipped,
      duplicates,
      problems,
    };
    const skippedAll = skipped.products + skipped.packages;
    await oneImportAtATime(db, () =>
      inOneTransaction(db, `the FDA NDC Directory load of ${files.release}`, function* (): BulkWork<void> {
        for (const t of ['ndc_packages', 'ndc_products', 'ndc_release'])
          yield statement(sql`DELETE FROM ${sql.identifiers(t)}`);
        yield insertRows(
          'ndc_products',
          [
            'product_ndc',
            'proprietary_name',
            'nonproprietary_name',
            'dosage_form',
            'route',
            'strength',
            'labeler',
            'dea_schedule',
            'marketing_end',
            'excluded',
          ],
          products.values(),
          (p) => [
            p.productNdc,
            p.proprietaryName,
            p.nonproprietaryName,
            p.dosageForm,
            p.route,
            p.strength,
            p.labeler,
            p.deaSchedule,
            p.marketingEnd,
            p.excluded,
          ],
        );
        yield insertRows(
          'ndc_packages',
          ['ndc11', 'ndc_dashed', 'product_ndc', 'description', 'excluded'],
          packages.values(),
          (p) => [p.ndc11, p.dashed, p.productNdc, p.description, p.excluded],
        );
        yield statement(sql`
          INSERT INTO ndc_release (id, release, file_date, products, packages, skipped, loaded_at, loaded_by)
          VALUES (1, ${files.release}, ${files.fileDate}, ${products.size}, ${packages.size}, ${skippedAll},
            ${new Date().toISOString()}, ${user.username})`);
        yield audited({
          username: user.username,
          action: 'drugs.loadNdcDirectory',
          category: 'drugs',
          outcome: 'success',
          detail:
            `${files.release}${files.fileDate ? ` (${files.fileDate})` : ''}: ${products.size} products, ${packages.size} packages` +
            ` (${report.excluded.products} products and ${report.excluded.packages} packages not current listings),` +
            ` ${skippedAll} rows skipped`,
        });
      }),
    );
    return report;
  } finally {
    files.close();
  }
}
