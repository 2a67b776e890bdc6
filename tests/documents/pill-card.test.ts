// The pill card read back as the patient gets it: one page, each amount under the time of day the
// directions give, what is taken when needed, less than daily or at no stated time listed under the
// grid (never at a guessed time), in Spanish for a Spanish-speaking patient, larger in large print.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { makeDocument } from '../../main/documents/documents-service';
import { sampleSignedCmr } from '../helpers/sample-review';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { differenceFromReference, fontSizeOf, pagesText, renderPage, wordBoxes, type WordBox } from './pdf-tools';

const PREPARED = '2026-12-01';
const SIGS = {
  Lisinopril: '1 PO BID',
  // A time of day, but only when needed: not in the grid.
  Furosemide: '1 PO QAM PRN SWELLING',
  Amlodipine: '1 PO QW',
  // Once a day, at no stated time: the pharmacist writes the time in.
  Sertraline: 'Take 1 tablet by mouth daily',
  Omeprazole: '1 PO QD AC',
};

async function pillCard(
  opts: { language?: 'en' | 'es'; largePrint?: boolean; medicines?: number; sigs?: Record<string, string> } = {},
) {
  const { session } = await newPharmacy();
  const sample = await sampleSignedCmr(session, {
    medicines: opts.medicines ?? 12,
    language: opts.language ?? 'en',
    cmrDate: '2026-11-30',
    sigs: opts.sigs ?? SIGS,
  });
  const { db, user } = session.current();
  // The patient form's choice, as stored (the form itself is exercised in the browser tests).
  if (opts.largePrint) await run(db, sql`UPDATE patients SET large_print = 1 WHERE id = ${sample.patientId}`);
  const doc = await makeDocument(db, user, { kind: 'pillCard', reviewId: sample.review.id }, PREPARED);
  return { session, ...sample, doc, pdf: Buffer.from(doc.base64, 'base64') };
}

const flat = (pdf: Buffer) => pagesText(pdf).join(' ').replace(/\s+/g, ' ');

/** Where a phrase starts on the page: its first word, followed by the others in reading order. */
function find(words: WordBox[], phrase: string): WordBox {
  const parts = phrase.split(' ');
  const i = words.findIndex((_, i) => parts.every((p, j) => words[i + j]?.text === p));
  expect(i, phrase).toBeGreaterThanOrEqual(0);
  return words[i]!;
}

/** The part of the card a medicine is printed in: the last of `titles` above its name. */
const sectionOf = (words: WordBox[], medicine: string, titles: string[]) =>
  titles.filter((t) => find(words, t).yMin < find(words, medicine).yMin).at(-1);

/** The time-of-day columns an amount ("1 tablet") is printed in, on the row that starts with `medicine`. */
function columnsOf(words: WordBox[], medicine: string, unit: string, heads: string[]): string[] {
  const centre = (w: WordBox) => (w.xMin + w.xMax) / 2;
  const headers = heads.map((h) => find(words, h));
  const name = find(words, medicine);
  const nearest = (w: WordBox) =>
    heads[
      headers.reduce(
        (best, h, i) => (Math.abs(centre(h) - centre(w)) < Math.abs(centre(headers[best]!) - centre(w)) ? i : best),
        0,
      )
    ]!;
  // The amount is set in the top line of the row's cells, level with the medicine's name.
  return words
    .filter((w) => w.text === unit && Math.abs(w.yMin - name.yMin) < 6 && w.xMin > headers[0]!.xMin - 20)
    .map(nearest);
}

describe('the pill card', () => {
  it('puts each amount under its time of day, on one page, and lists the rest under the grid', async () => {
    const { session, doc, pdf } = await pillCard();
    expect(doc).toMatchObject({ kind: 'pillCard', title: 'Pill card', pages: 1, language: 'en', draft: false });
    expect(doc.fileName).toMatch(/^pill-card-2026-12-01-[0-9a-f]{8}\.pdf$/);
    expect(pagesText(pdf)).toHaveLength(1);
    const words = wordBoxes(pdf);
    const heads = ['Morning', 'Midday', 'Evening', 'Bedtime'];
    // "1 PO BID": morning and evening, nothing at midday or bedtime.
    expect(columnsOf(words, 'Lisinopril', 'tablet', heads)).toEqual(['Morning', 'Evening']);
    expect(columnsOf(words, 'Atorvastatin', 'tablet', heads)).toEqual(['Bedtime']);
    expect(columnsOf(words, 'Metformin', 'tablets', heads)).toEqual(['Evening']);

    // As needed (even with a time of day), less than daily, once a day at no stated time: under the grid.
    const titles = [
      'Medicine Morning',
      'Only when needed.',
      'Not every day.',
      'Ask your pharmacist when to take these.',
    ];
    const sections = Object.fromEntries(
      ['Lisinopril', 'Atorvastatin', 'Furosemide', 'Amlodipine', 'Sertraline', 'Omeprazole'].map((m) => [
        m,
        sectionOf(words, m, titles),
      ]),
    );
    expect(sections).toEqual({
      Lisinopril: 'Medicine Morning',
      Atorvastatin: 'Medicine Morning',
      Furosemide: 'Only when needed.',
      Amlodipine: 'Not every day.',
      Sertraline: 'Ask your pharmacist when to take these.',
      // "1 PO QD AC": once a day before a meal, but which meal is not said.
      Omeprazole: 'Ask your pharmacist when to take these.',
    });

    const text = flat(pdf);
    expect(text).toContain('My medicines for each day');
    expect(text).toContain("Renée Ángela O'Connor-Nguyễn");
    expect(text).toContain('Questions? Call us: Lakeshore Family Pharmacy');
    expect(text).toContain('(216) 555-0100');
    expect(text).toContain("Renée Ángela O'Connor-Nguyễn · Made on December 1, 2026 Page 1 of 1");
    for (const s of [
      'Lisinopril 20 mg',
      'For: Blood pressure',
      // What the grid cannot show is said in the cell: with which meal.
      '2 tablets',
      'With supper.',
      'Furosemide 20 mg (Lasix)',
      'For: Swelling',
      'Take 1 tablet by mouth once a week.',
      'Take 1 tablet by mouth once a day.',
      'When:',
    ])
      expect(text).toContain(s);
    // Nothing below 12 pt.
    expect(Math.min(...words.map(fontSizeOf))).toBeGreaterThanOrEqual(11.95);
    expect(differenceFromReference('pill-card', renderPage(pdf, 1))).toBeLessThan(0.005);
    await session.signOut();
  });

  it('reads every time of day the directions give, and guesses none', async () => {
    const { session, pdf } = await pillCard({
      medicines: 3,
      sigs: {
        Lisinopril: '1 tab qam and qhs',
        'Metformin ER': '1 tab qam and 1/2 tab qpm',
        // Twice, with two of the three meals: which two is not said.
        Atorvastatin: '1 po twice daily with meals',
      },
    });
    const words = wordBoxes(pdf);
    const heads = ['Morning', 'Midday', 'Evening', 'Bedtime'];
    expect(columnsOf(words, 'Lisinopril', 'tablet', heads)).toEqual(['Morning', 'Bedtime']);
    // "1 tablet" in the morning, "half a tablet" in the evening.
    expect(columnsOf(words, 'Metformin', 'tablet', heads)).toEqual(['Morning']);
    expect(columnsOf(words, 'Metformin', 'half', heads)).toEqual(['Evening']);
    expect(sectionOf(words, 'Atorvastatin', ['Medicine Morning', 'Ask your pharmacist when to take these.'])).toBe(
      'Ask your pharmacist when to take these.',
    );
    await session.signOut();
  });

  it('prints in Spanish for a Spanish-speaking patient', async () => {
    const { session, doc, pdf } = await pillCard({ language: 'es' });
    expect(doc).toMatchObject({ language: 'es', pages: 1 });
    const words = wordBoxes(pdf);
    expect(columnsOf(words, 'Lisinopril', 'tableta', ['Mañana', 'Mediodía', 'Noche', 'acostarse'])).toEqual([
      'Mañana',
      'Noche',
    ]);
    expect(sectionOf(words, 'Furosemide', ['Medicamento Mañana', 'Solo cuando lo necesite.'])).toBe(
      'Solo cuando lo necesite.',
    );
    const text = flat(pdf);
    for (const s of [
      'Mis medicamentos diarios',
      'Medicamento Mañana Mediodía Noche Al acostarse',
      '¿Preguntas? Llámenos:',
      'Solo cuando lo necesite',
      'Tome 1 tableta por la boca una vez a la semana.',
      'No todos los días',
      'Pregunte a su farmacéutico cuándo tomar estos',
      'Cuándo:',
      'Hecha el 1 de diciembre de 2026',
      'Página 1 de 1',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/Morning|Only when needed|Not every day|Ask your pharmacist|Made on/);
    await session.signOut();
  });

  it('is larger in large print, and still one page for twelve medicines taken every day', async () => {
    const everyDay = {
      Amlodipine: '1 PO QAM',
      Sertraline: '1 PO QHS',
      Omeprazole: '1 PO QAM',
      Furosemide: '1 PO QAM',
      Levothyroxine: '1 tab qam before breakfast',
      'Tiotropium inhalation powder': 'Inhale 1 capsule every morning',
      'Insulin degludec and liraglutide injection pen (Xultophy 100/3.6)':
        'Inject 16 units under the skin every morning',
    };
    const sizes = async (largePrint: boolean) => {
      const { session } = await newPharmacy();
      const { review, patientId } = await sampleSignedCmr(session, {
        medicines: 12,
        cmrDate: '2026-11-30',
        sigs: { ...SIGS, ...everyDay },
      });
      const { db, user } = session.current();
      if (largePrint) await run(db, sql`UPDATE patients SET large_print = 1 WHERE id = ${patientId}`);
      const doc = await makeDocument(db, user, { kind: 'pillCard', reviewId: review.id }, PREPARED);
      const pdf = Buffer.from(doc.base64, 'base64');
      const words = wordBoxes(pdf);
      await session.signOut();
      const counts = new Map<number, number>();
      for (const s of words.map(fontSizeOf)) counts.set(Math.round(s), (counts.get(Math.round(s)) ?? 0) + 1);
      return {
        pages: doc.pages,
        text: flat(pdf),
        body: [...counts].sort((a, b) => b[1] - a[1])[0]![0],
        smallest: Math.min(...words.map(fontSizeOf)),
      };
    };
    const [normal, large] = [await sizes(false), await sizes(true)];
    expect(normal).toMatchObject({ pages: 1, body: 12 });
    expect(large).toMatchObject({ pages: 1, body: 14 });
    expect(large.smallest).toBeGreaterThanOrEqual(13.95);
    // Every medicine in the grid: no section under it.
    expect(large.text).not.toMatch(/Only when needed|Not every day|Ask your pharmacist/);
  });

  it('is made through the bridge, marked DRAFT before the review is signed, and never recorded as sent', async () => {
    const { session, review, patientId } = await pillCard({ medicines: 3 });
    const made = await dispatch(session, 'documents:make', { kind: 'pillCard', reviewId: review.id, language: 'es' });
    expect(made).toMatchObject({ ok: true, data: { title: 'Pill card', language: 'es', draft: false } });
    expect(
      await dispatch(session, 'documents:sent', { kind: 'pillCard', reviewId: review.id, version: review.version }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await call(session, 'reviews:get', { id: review.id })).version).toBe(review.version);

    const tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    const draft = await call(session, 'documents:make', { kind: 'pillCard', reviewId: tmr.id });
    expect(draft.draft).toBe(true);
    expect(pagesText(Buffer.from(draft.base64, 'base64'))[0]).toContain('DRAFT');
    await session.signOut();
  });
});
