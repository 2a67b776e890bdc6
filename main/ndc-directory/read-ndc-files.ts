// Reads the FDA NDC Directory's text files (product.txt and package.txt: tab-separated, a header row of
// FDA's column names, PRODUCTID joining the two) from the zip as downloaded (ndctext.zip) or the folder
// it unpacks to. Columns are found by their header names, so FDA adding or moving a column changes nothing.
// File definitions: https://www.fda.gov/drugs/drug-approvals-and-databases/ndc-product-file-definitions
// and https://www.fda.gov/drugs/drug-approvals-and-databases/ndc-package-file-definitions
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import yauzl from 'yauzl';
import { AppError } from '../common/errors';
import { openReleaseFiles } from '../common/release-files';

export type NdcFileName = 'product.txt' | 'package.txt';

/** The columns read from each file; the optional ones are absent from some years' files. */
export const NDC_COLUMNS = {
  'product.txt': {
    required: [
      'PRODUCTID',
      'PRODUCTNDC',
      'PROPRIETARYNAME',
      'NONPROPRIETARYNAME',
      'DOSAGEFORMNAME',
      'ROUTENAME',
      'ENDMARKETINGDATE',
      'LABELERNAME',
      'ACTIVE_NUMERATOR_STRENGTH',
      'ACTIVE_INGRED_UNIT',
      'DEASCHEDULE',
    ],
    optional: ['PROPRIETARYNAMESUFFIX', 'NDC_EXCLUDE_FLAG'],
  },
  'package.txt': {
    required: ['PRODUCTID', 'PRODUCTNDC', 'NDCPACKAGECODE', 'PACKAGEDESCRIPTION'],
    optional: ['NDC_EXCLUDE_FLAG'],
  },
} as const;

type ColumnOf<F extends NdcFileName> =
  (typeof NDC_COLUMNS)[F]['required'][number] | (typeof NDC_COLUMNS)[F]['optional'][number];

/** One data line: its line number in the file, and either its fields by column or why it cannot be read. */
export type NdcLine<F extends NdcFileName> =
  { line: number; fields: Record<ColumnOf<F>, string> } | { line: number; problem: string };

export interface NdcFiles {
  /** The release's name, from the zip or folder name. */
  release: string;
  /** The date product.txt was written (from the zip entry or the file), YYYY-MM-DD; null if unknown. */
  fileDate: string | null;
  lines<F extends NdcFileName>(file: F): AsyncIterable<NdcLine<F>>;
  close(): void;
}

const WHAT = 'FDA NDC Directory';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** When product.txt was written: the zip entry's date (zip dates are local time) or the file's. */
async function fileDateOf(path: string): Promise<string | null> {
  const stat = await fs.stat(path);
  if (stat.isDirectory()) {
    const name = (await fs.readdir(path)).find((f) => f.toUpperCase() === 'PRODUCT.TXT');
    return name ? localDate((await fs.stat(join(path, name))).mtime) : null;
  }
  return new Promise((resolve) =>
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      let found: string | null = null;
      zip.on('entry', (e: yauzl.Entry) => {
        if (basename(e.fileName).toUpperCase() === 'PRODUCT.TXT') found = localDate(e.getLastModDate());
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', () => resolve(found));
      zip.readEntry();
    }),
  );
}

/** Opens the release; refuses at once, naming the file, when product.txt or package.txt is missing. */
export async function openNdcFiles(path: string): Promise<NdcFiles> {
  const files = await openReleaseFiles(path, WHAT);
  try {
    for (const f of ['PRODUCT.TXT', 'PACKAGE.TXT'])
      if (!files.names.includes(f))
        throw new AppError(
          'validation',
          `${files.release} has no ${f.toLowerCase()}. Give the ${WHAT} zip as downloaded from FDA (ndctext.zip, the text version), or the folder it unpacks to.`,
        );
    const fileDate = await fileDateOf(path);
    return {
      release: files.release,
      fileDate,
      lines: <F extends NdcFileName>(file: F) => readTable(file, files.lines(file.toUpperCase())!),
      close: () => files.close(),
    };
  } catch (err) {
    files.close();
    throw err;
  }
}

async function* readTable<F extends NdcFileName>(file: F, lines: AsyncIterable<string>): AsyncIterable<NdcLine<F>> {
  const { required, optional } = NDC_COLUMNS[file];
  let index: Map<string, number> | null = null;
  let width = 0;
  let line = 0;
  for await (const text of lines) {
    line++;
    const cells = text.split('\t');
    if (!index) {
      const headers = cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim().toUpperCase());
      const missing = required.filter((c) => !headers.includes(c));
      if (missing.length)
        throw new AppError(
          'validation',
          `${file} has no column ${missing.join(', ')} in its header row: it is not the ${WHAT} ${file} (tab-separated, with FDA's column names such as ${required.slice(0, 3).join(', ')}).`,
        );
      index = new Map(headers.map((h, i) => [h, i]));
      width = headers.length;
      continue;
    }
    if (cells.length !== width) {
      yield { line, problem: `has ${cells.length} fields, the header row has ${width}` };
      continue;
    }
    const fields = {} as Record<string, string>;
    for (const c of [...required, ...optional]) {
      const i = index.get(c);
      fields[c] = i === undefined ? '' : cells[i]!.trim();
    }
    yield { line, fields: fields as Record<ColumnOf<F>, string> };
  }
  if (!index) throw new AppError('validation', `${file} is empty: it has no header row.`);
}
