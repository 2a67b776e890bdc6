import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { mappingSchema, type FillImportReport } from '../../../preload/schemas/fills';
import { importFills } from '../../fills/import-fills';
import type { SignedInUser } from '../../../preload/schemas/security';
import { loadIcd10cm } from '../../conditions/icd10cm-load';
import { loadRxNorm } from '../../medications/vocabulary/rxnorm-load';
import { importNdcDirectory, type NdcDirectoryReport } from '../../ndc-directory/import-ndc-directory';
import { CliError } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage = [
  'mtm import fills FILE --data DIR --user USER [--mapping FILE] [--valid-only] [--create-patients]',
  '  mtm import rxnorm ZIP_OR_FOLDER --data DIR --user ADMIN   (NLM RxNorm release: RXNCONSO.RRF, RXNREL.RRF, RXNSAT.RRF)',
  '  mtm import icd10cm ZIP_OR_FILE --data DIR --user ADMIN    (CMS ICD-10-CM code descriptions: icd10cm-codes-YYYY.txt or the order file)',
  '  mtm import ndc ZIP_OR_FOLDER --data DIR --user ADMIN       (FDA NDC Directory, text version: product.txt and package.txt)',
].join('\n');
const MAX_LISTED = 200;

function readMapping(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`The mapping file ${file} cannot be read as JSON (${(err as Error).message}).`);
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliError(`The mapping file ${file}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

function print(r: FillImportReport): void {
  console.log(`${r.fileName} (${r.encoding}): ${r.rows} rows, ${r.validRows} valid.`);
  for (const issue of r.issues.slice(0, MAX_LISTED))
    console.log(`  line ${issue.line}, ${issue.field}: ${issue.reason}`);
  if (r.issues.length > MAX_LISTED) console.log(`  … and ${r.issues.length - MAX_LISTED} more problems`);
}

function printNdc(r: NdcDirectoryReport): void {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  console.log(
    `Loaded the FDA NDC Directory ${r.release}${r.fileDate ? ` (files of ${r.fileDate})` : ''}: ${plural(r.products, 'product')}, ${plural(r.packages, 'package')}` +
      ` (${r.excluded.products} products and ${r.excluded.packages} packages are not current listings).`,
  );
  const skipped = r.skipped.products + r.skipped.packages;
  if (skipped) {
    console.log(
      `${plural(skipped, 'row')} could not be read and were not loaded (${r.skipped.products} in product.txt, ${r.skipped.packages} in package.txt):`,
    );
    for (const p of r.problems) console.log(`  ${p.file} line ${p.line}: ${p.reason}`);
    if (skipped > r.problems.length) console.log(`  … and ${skipped - r.problems.length} more`);
  }
  const repeated = r.duplicates.products + r.duplicates.packages;
  if (repeated) console.log(`${plural(repeated, 'row')} repeated an NDC already read; the first was kept.`);
}

/**
 * Replaces a loaded reference release (RxNorm, ICD-10-CM, FDA NDC Directory); an administrator's job, like installing any reference data.
 */
async function importRelease<R>(
  argv: string[],
  what: string,
  load: (db: DataSource, user: SignedInUser, path: string) => Promise<R>,
): Promise<R> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, user: { type: 'string' } },
  });
  const path = positionals[0];
  if (!path) throw new CliError(`Missing the ${what} zip, folder or file. Use: ${usage}`);
  return withSignedIn(values, (session) => {
    const { db, user } = session.current();
    if (!user.isAdmin) throw new CliError(`Loading ${what} replaces it for everyone: sign in as an administrator.`);
    return load(db, user, resolve(path));
  });
}

/** Exit 0 when the file was taken (even if every fill was already there); 1 when it was refused. */
export async function importCommand(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  if (what === 'rxnorm') {
    const r = await importRelease(rest, 'RxNorm', loadRxNorm);
    return console.log(
      `Loaded ${r.release}: ${r.ingredients} ingredients, ${r.clinicalDrugs} clinical drugs, ${r.brands} brands, ${r.ndcs} NDCs; ${r.recodedFills} fills newly recognised.`,
    );
  }
  if (what === 'icd10cm') {
    const r = await importRelease(rest, 'the ICD-10-CM code set', loadIcd10cm);
    return console.log(
      `Loaded ${r.release}: ${r.codes} billable ICD-10-CM codes. Every one can now be recorded as a patient's condition.`,
    );
  }
  if (what === 'ndc') return printNdc(await importRelease(rest, 'FDA NDC Directory', importNdcDirectory));
  if (what !== 'fills') throw new CliError(`Unknown import "${what ?? ''}". Use: ${usage}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      user: { type: 'string' },
      mapping: { type: 'string' },
      'valid-only': { type: 'boolean' },
      'create-patients': { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError(`Missing the file to import. Use: ${usage}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
  const mapping = values.mapping ? readMapping(values.mapping) : undefined;
  const report = await withSignedIn(values, (session) =>
    importFills(session.current().db, session.current().user, {
      fileName: basename(file),
      bytes,
      mapping,
      validOnly: Boolean(values['valid-only']),
      createPatients: Boolean(values['create-patients']),
      preview: false,
    }),
  );
  print(report);
  if (report.refused)
    throw new CliError(
      `Nothing imported: ${report.issues.length} problem${report.issues.length === 1 ? '' : 's'} (listed above). Fix the file, map the columns, or use --valid-only.`,
    );
  console.log(
    `Imported ${report.imported} fills; ${report.duplicates} were already there; ${report.newPatients} new patients; ${report.invalidRows} invalid rows skipped.`,
  );
  if (report.unrecognisedRows)
    console.log(
      `${report.unrecognisedRows} fills are for drugs the vocabulary does not know (they do not count as Part D maintenance drugs): ${report.unrecognisedDrugs.join('; ')}`,
    );
}
