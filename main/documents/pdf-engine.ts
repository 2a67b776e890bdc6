// pdfmake on plain Node: its bundled Roboto, no network, no file access beyond those fonts, and a
// fixed creation date so the same record always prints the same bytes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const pdfmake = require('pdfmake') as PdfMake;
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const font = (file: string) => join(fontDir, file);
const COURIER = {
  normal: 'Courier',
  bold: 'Courier-Bold',
  italics: 'Courier-Oblique',
  bolditalics: 'Courier-BoldOblique',
};
const STANDARD_FONT_NAMES = new Set(Object.values(COURIER));
pdfmake.setFonts({
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
  // Courier, for the red CMS-1500 form's fixed 10-characters-per-inch grid: one of the PDF standard 14 fonts, so it is
  // named, not embedded, and pdfkit reads its metrics from its own bundled AFM data. pdfmake still passes the name
  // through its local-file policy, so the policy lets these four names (not paths) through; files stay limited to
  // the Roboto folder. Same names as pdfmake's standard-fonts/Courier.js.
  Courier: COURIER,
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir) || STANDARD_FONT_NAMES.has(path));

export async function renderPdf(doc: TDocumentDefinitions, preparedOn: string): Promise<Buffer> {
  const at = new Date(`${preparedOn}T12:00:00Z`);
  return pdfmake
    .createPdf({
      ...doc,
      info: { creator: 'MTM Desk', producer: 'MTM Desk', creationDate: at, modDate: at, ...doc.info },
    })
    .getBuffer();
}

/** Pages in a PDF this engine wrote (each page object is "/Type /Page"). */
export const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
