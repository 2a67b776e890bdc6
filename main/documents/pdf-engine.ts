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
pdfmake.setFonts({
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

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
