// Reading PDFs back as a person would: pdftotext for the words (page by page), pdftoppm for the
// pixels, compared with checked-in reference pages so a layout change fails a test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const REFERENCE = join(import.meta.dirname, 'reference');

function withPdf<T>(pdf: Buffer, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mtm-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in reading order. */
export const pagesText = (pdf: Buffer): string[] =>
  withPdf(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1),
  );

/** One page as a grey PNG at a low resolution (enough to see layout, small enough to check in). */
export const renderPage = (pdf: Buffer, page: number, dpi = 40): Buffer =>
  withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', [
      '-png',
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.png'));
  });

/**
 * Compares a rendered page with its reference: the share of pixels whose grey level differs by
 * more than a quarter of the range. UPDATE_REFERENCE_IMAGES=1 writes the references instead.
 */
export function differenceFromReference(name: string, png: Buffer): number {
  const file = join(REFERENCE, `${name}.png`);
  if (process.env.UPDATE_REFERENCE_IMAGES === '1' || !existsSync(file)) {
    writeFileSync(file, png);
    if (process.env.UPDATE_REFERENCE_IMAGES !== '1')
      throw new Error(`No reference image ${name}.png: one was written; look at it, then commit it.`);
    return 0;
  }
  const a = PNG.sync.read(png);
  const b = PNG.sync.read(readFileSync(file));
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i]! - b.data[i]!) > 64) differing++;
  return differing / (a.width * a.height);
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box in points (origin top left). */
export const wordBoxes = (pdf: Buffer): WordBox[] =>
  withPdf(pdf, (file) => {
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const words: WordBox[] = [];
    let page = 0;
    for (const m of xml.matchAll(
      /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g,
    )) {
      if (m[0] === '<page ') page++;
      else words.push({ page, text: m[5]!, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
    }
    return words;
  });

/** A word's font size from its box: Roboto's ascent and descent together are 1.171875 em. */
export const fontSizeOf = (w: WordBox) => (w.yMax - w.yMin) / 1.171875;
