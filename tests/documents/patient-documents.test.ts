// The CMR summary read back as the patient gets it, in each language, both, and large print: every
// word inside the margins and at 12 pt or more, reasons in words, directions in words, what the
// patient actually does, Spanish dates, and fewer pages than the one-medicine-a-page layout had.
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../main/documents/documents-service';
import { run, sql } from '../../main/db/sql';
import { sampleSignedCmr } from '../helpers/sample-review';
import { newPharmacy } from '../helpers/temp-pharmacy';
import { differenceFromReference, fontSizeOf, pagesText, renderPage, wordBoxes, type WordBox } from './pdf-tools';

const SIGS = {
  Lisinopril: '1 PO QAM',
  'Metformin ER': '2 PO QPM WF',
  Atorvastatin: '1 PO QHS',
  Amlodipine: '1 PO QD',
  Sertraline: '1 PO QD',
  Omeprazole: '1 PO QD AC',
  Donepezil: '1 PO QHS',
  Furosemide: '1 PO QAM',
  Carvedilol: '1 PO BID WF',
};
const REASONS = { Lisinopril: 'I10', 'Metformin ER': 'E11.9', Atorvastatin: 'E78.5', Amlodipine: 'I10' };
const LETTER = { width: 612, height: 792 };

async function summary(
  medicines: number,
  opts: { language?: 'en' | 'es'; largePrint?: boolean } = {},
): Promise<{ make: (language?: 'en' | 'es' | 'both') => Promise<{ pages: number; pdf: Buffer; warnings: string[] }> }> {
  const { session } = await newPharmacy();
  const { review, patientId } = await sampleSignedCmr(session, {
    medicines,
    language: opts.language ?? 'en',
    cmrDate: '2026-11-30',
    sigs: SIGS,
  });
  const { db, user } = session.current();
  for (const [product, code] of Object.entries(REASONS))
    await run(db, sql`UPDATE patient_medications SET indication = ${code} WHERE product = ${product}`);
  // The patient form's choice, as stored (the form itself is exercised in the browser tests).
  await run(
    db,
    sql`UPDATE patient_medications SET indication = 'Underactive thyroid (hypothyroidism)' WHERE product = 'Levothyroxine'`,
  );
  if (opts.largePrint) await run(db, sql`UPDATE patients SET large_print = 1 WHERE id = ${patientId}`);
  return {
    make: async (language) => {
      const doc = await makeDocument(
        db,
        user,
        { kind: 'cmrSummary', reviewId: review.id, ...(language ? { language } : {}) },
        '2026-12-01',
      );
      return { pages: doc.pages, pdf: Buffer.from(doc.base64, 'base64'), warnings: doc.warnings };
    },
  };
}

/** Words outside the printable area: the side margins of the content, and a quarter inch from the top and bottom edges. */
const outside = (words: WordBox[]) =>
  words.filter(
    (w) => w.xMin < 54 - 0.5 || w.xMax > LETTER.width - 54 + 0.5 || w.yMin < 18 || w.yMax > LETTER.height - 18,
  );
const flat = (pdf: Buffer) => pagesText(pdf).join(' ').replace(/\s+/g, ' ');

describe('the patient’s CMR summary, read back', () => {
  for (const [language, largePrint] of [
    ['en', false],
    ['es', false],
    ['en', true],
    ['es', true],
  ] as const) {
    it(`${language}${largePrint ? ', large print' : ''}: nothing outside the margins, nothing below 12 pt, no code, no "as directed"`, async () => {
      const { make } = await summary(11, { language, largePrint });
      const { pdf } = await make();
      const words = wordBoxes(pdf);
      expect(words.length).toBeGreaterThan(500);
      expect(outside(words).map((w) => `${w.page}: ${w.text}`)).toEqual([]);
      const sizes = words.map(fontSizeOf);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11.95);
      // The body is 12 pt, or 14 pt in large print: the most common size of word.
      const counts = new Map<number, number>();
      for (const s of sizes) counts.set(Math.round(s), (counts.get(Math.round(s)) ?? 0) + 1);
      const body = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      expect(body).toBe(largePrint ? 14 : 12);
      const text = flat(pdf);
      expect(text).not.toMatch(/\b(I10|E11\.?9|E78\.?5)\b/);
      expect(text).not.toMatch(/as directed on the label|según las indicaciones de la etiqueta/i);
      if (language === 'en') {
        expect(text).toContain('Why I use it: High blood pressure');
        expect(text).toContain('How I use it: Take 1 tablet by mouth every morning.');
        expect(text).toContain('Atorvastatin 40 mg tablet (Lipitor)');
        expect(text).toContain('Date I started using it: 05/01/2024');
      } else {
        expect(text).toContain('Por qué lo uso: Presión arterial alta');
        expect(text).toContain('Cómo lo uso: Tome 1 tableta por la boca cada mañana.');
        expect(text).toContain('Atorvastatin 40 mg tableta (Lipitor)');
        // Spanish dates: written out in the letter, day first in the fields, as the Spanish form writes them.
        expect(text).toContain('el 30 de noviembre de 2026');
        expect(text).toContain('Fecha en que empecé a usarlo: 01/05/2024');
        expect(text).toContain('FECHA DE NACIMIENTO: 09/03/1947');
        expect(text).not.toContain('05/01/2024');
      }
    });
  }

  it('prints the patient’s language by default, the other on request, and both one after the other', async () => {
    const { make } = await summary(7, { language: 'es' });
    const own = flat((await make()).pdf);
    const english = flat((await make('en')).pdf);
    const both = await make('both');
    expect(own).toContain('LISTA PERSONAL DE MEDICAMENTOS');
    expect(own).not.toContain('PERSONAL MEDICATION LIST');
    expect(english).toContain('PERSONAL MEDICATION LIST');
    expect(english).not.toContain('LISTA PERSONAL');
    const text = flat(both.pdf);
    expect(text.indexOf('LISTA PERSONAL DE MEDICAMENTOS')).toBeLessThan(text.indexOf('MEDICATION ACTION PLAN'));
    expect(text).toContain('PERSONAL MEDICATION LIST');
    expect(outside(wordBoxes(both.pdf))).toEqual([]);
    // The sample's reasons and action-plan items were typed in English: named before the Spanish copy prints.
    expect(both.warnings).toContain(
      'The reason for Sertraline 50 mg (Zoloft) prints as typed in the Spanish summary: "Mood".',
    );
    // A condition's own name typed in English prints as its Spanish name, with nothing to warn about.
    expect(text).toContain('Por qué lo uso: Tiroides poco activa (hipotiroidismo)');
    expect(both.warnings.join(' ')).not.toContain('Underactive');
    expect(both.warnings.some((w) => /action-plan item .* no Spanish wording/.test(w))).toBe(true);
    expect(both.warnings.every((w) => w.includes('the Spanish summary'))).toBe(true);
  });

  it('prints how the patient actually takes a medicine they take differently', async () => {
    const { session } = await newPharmacy();
    const { review } = await sampleSignedCmr(session, { medicines: 3, cmrDate: '2026-11-30', sigs: SIGS });
    const { db, user } = session.current();
    const line = review.reconciliation.find((l) => l.ingredients.includes('atorvastatin'))!;
    // A signed review keeps the reconciliation it was signed with.
    const lines = review.reconciliation.map((l) =>
      l.key === line.key ? { ...l, resolution: 'differently', note: '1/2 PO QHS' } : l,
    );
    await run(db, sql`UPDATE reviews SET reconciliation_snapshot = ${JSON.stringify(lines)} WHERE id = ${review.id}`);
    const doc = await makeDocument(db, user, { kind: 'cmrSummary', reviewId: review.id }, '2026-12-01');
    const text = flat(Buffer.from(doc.base64, 'base64'));
    expect(text).toContain('Atorvastatin 40 mg tablet (Lipitor) How I use it: Take half a tablet by mouth at bedtime.');
    expect(text).not.toContain('Take 1 tablet by mouth at bedtime.');
    await session.signOut();
  });

  it('fits several medicines on a page: 11 and 25 medicines in fewer pages than before', async () => {
    // Before this layout: 9 and 13 pages in English, 9 and 14 in Spanish (one block a row of a page-long table).
    for (const [medicines, language, most] of [
      [11, 'en', 8],
      [25, 'en', 11],
      [11, 'es', 8],
      [25, 'es', 13],
    ] as const) {
      const { make } = await summary(medicines, { language });
      const { pdf, pages } = await make();
      expect(pages, `${medicines} medicines in ${language}`).toBeLessThanOrEqual(most);
      const list = pagesText(pdf).filter((p) => /PERSONAL MEDICATION LIST|LISTA PERSONAL/.test(p));
      // No block split across pages: every page has as many "Medication:" as "Why I stopped using it:".
      for (const page of list)
        expect((page.match(/Medication:|Medicamento:/g) ?? []).length).toBe(
          (page.match(/Why I stopped using it:|Por qué dejé de usarlo:/g) ?? []).length,
        );
    }
  });

  it('keeps the layout of the 11- and 25-medicine summaries and of large print: pages match the reference images', async () => {
    for (const [medicines, largePrint, pages] of [
      [11, false, [4, 5]],
      [25, false, [6, 11]],
      [11, true, [2, 5]],
    ] as const) {
      const { make } = await summary(medicines, { largePrint });
      const { pdf } = await make();
      for (const page of pages) {
        const name = `cmr-${medicines}-medicines${largePrint ? '-large' : ''}-page-${page}`;
        expect(differenceFromReference(name, renderPage(pdf, page)), name).toBeLessThan(0.005);
      }
    }
  });

  it('marks every page of an unsigned review’s summary DRAFT, above each part’s own title', async () => {
    const { session } = await newPharmacy();
    const { review } = await sampleSignedCmr(session, { medicines: 8, cmrDate: '2026-11-30' });
    const { db, user } = session.current();
    await run(db, sql`UPDATE reviews SET status = 'inProgress' WHERE id = ${review.id}`);
    const doc = await makeDocument(
      db,
      user,
      { kind: 'cmrSummary', reviewId: review.id, language: 'both' },
      '2026-12-01',
    );
    expect(doc.draft).toBe(true);
    const pdf = Buffer.from(doc.base64, 'base64');
    const pages = pagesText(pdf).map((p) => p.replace(/\s+/g, ' '));
    for (const [i, page] of pages.entries())
      expect(page, `page ${i + 1}`).toContain('DRAFT — NOT SIGNED — not for the patient');
    expect(pages[1]).toMatch(/DRAFT — NOT SIGNED — not for the patient MEDICATION ACTION PLAN FOR/);
    expect(outside(wordBoxes(pdf))).toEqual([]);
    await session.signOut();
  });
});
