// The CMS Standardized Format (form CMS-10396), element by element, read back with pdftotext: the contact sentence
// with days, times and TTY (and no summary without them), the form and OMB numbers on every page, the safe-disposal
// section (SUPPORT Act § 6103) with the pharmacy's own take-back site, the caregiver named as a source of the
// medication list, and the cc: line when a copy goes to the prescriber.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { makeDocument } from '../../main/documents/documents-service';
import type { DocumentRequest } from '../../preload/schemas/documents';
import { SAMPLE_DOCUMENT_SETTINGS, sampleSignedCmr } from '../helpers/sample-review';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { pagesText, wordBoxes } from './pdf-tools';

const PREPARED = '2026-12-01';
const LETTER_HEIGHT = 792;
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function signed(opts: { medicines?: number; language?: 'en' | 'es'; settings?: false } = {}) {
  const { session } = await newPharmacy();
  const sample = await sampleSignedCmr(session, {
    medicines: opts.medicines ?? 3,
    language: opts.language ?? 'en',
    cmrDate: '2026-11-30',
    ...(opts.settings === false ? { documentSettings: false as const } : {}),
  });
  const { db, user } = session.current();
  const make = async (req: Partial<Extract<DocumentRequest, { kind: 'cmrSummary' }>> = {}) => {
    const doc = await makeDocument(db, user, { kind: 'cmrSummary', reviewId: sample.review.id, ...req }, PREPARED);
    const pdf = Buffer.from(doc.base64, 'base64');
    return { doc, pdf, pages: pagesText(pdf).map(flat) };
  };
  return { session, db, ...sample, make };
}

describe('the Standardized Format’s required elements', () => {
  it('gives the pharmacy, phone, days and hours and TTY in the cover letter’s contact sentence, and the fax', async () => {
    const { make } = await signed();
    const [cover] = (await make()).pages;
    expect(cover).toContain(
      'please call Lakeshore Family Pharmacy at (216) 555-0100, Mon–Fri 9 am–7 pm, Sat 9 am–1 pm, TTY 711.',
    );
    expect(cover).toContain('Fax (216) 555-0199');
    const [portada] = (await make({ language: 'es' })).pages;
    expect(portada).toContain(
      'llame al (216) 555-0100 (Lakeshore Family Pharmacy), Mon–Fri 9 am–7 pm, Sat 9 am–1 pm, TTY 711.',
    );
  });

  it('refuses to print the summary without hours, TTY and fax, naming what is missing and where, and records nothing', async () => {
    const { session, review } = await signed({ settings: false });
    const before = await call(session, 'reviews:get', { id: review.id });
    const res = await dispatch(session, 'documents:make', { kind: 'cmrSummary', reviewId: review.id });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringMatching(
          /^Enter the pharmacy’s days and hours, TTY number and fax number before printing the CMR summary: .*Users → Printed documents/,
        ),
      },
    });
    // Only the TTY missing: only the TTY is named.
    await call(session, 'settings:update', { documents: { ...SAMPLE_DOCUMENT_SETTINGS, tty: '' } });
    const tty = await dispatch(session, 'documents:make', { kind: 'cmrSummary', reviewId: review.id });
    expect(tty).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Enter the pharmacy’s TTY number before printing/) },
    });
    const after = await call(session, 'reviews:get', { id: review.id });
    expect(after).toEqual(before);
    expect(after.summarySentDate).toBeNull();
    // The fax to the prescriber needs only the fax number, and the pharmacist note nothing: both still print.
    expect(await dispatch(session, 'documents:make', { kind: 'pharmacistNote', reviewId: review.id })).toMatchObject({
      ok: true,
    });
  });

  it('prints “Form CMS-10396” at the left and the OMB number at the right of the foot of every page, in both languages', async () => {
    const { make } = await signed({ medicines: 8 });
    for (const language of ['en', 'es', 'both'] as const) {
      const { pdf, pages, doc } = await make({ language });
      expect(pages.length).toBe(doc.pages);
      for (const [i, page] of pages.entries()) {
        expect(page, `${language} page ${i + 1}`).toContain('Form CMS-10396');
        expect(page, `${language} page ${i + 1}`).toContain('Form Approved OMB No. 0938-1154');
      }
      const words = wordBoxes(pdf);
      const form = words.filter((w) => w.text === 'CMS-10396');
      const omb = words.filter((w) => w.text === '0938-1154' && w.yMin > LETTER_HEIGHT - 62);
      expect(form).toHaveLength(doc.pages);
      expect(omb).toHaveLength(doc.pages);
      // In the footer, below the content, and a quarter inch clear of the paper's edge.
      for (const w of [...form, ...omb]) {
        expect(w.yMin).toBeGreaterThan(LETTER_HEIGHT - 62);
        expect(w.yMax).toBeLessThan(LETTER_HEIGHT - 18);
      }
      for (const w of form) expect(w.xMin).toBeLessThan(140);
      for (const w of omb) expect(w.xMax).toBeGreaterThan(612 - 54 - 2);
    }
    // The Paperwork Reduction Act statement as before, with this collection's OMB number.
    const { pages } = await make();
    expect(pages.join(' ')).toContain(
      'According to the Paperwork Reduction Act of 1995, no persons are required to respond to a collection of information unless it displays a valid OMB control number. The valid OMB control number for this information collection is 0938-1154.',
    );
  });

  it('tells the patient how to get rid of unused medicines: the pharmacy’s take-back site, at home, and where to find more', async () => {
    const { session, make } = await signed({ medicines: 8 });
    const { pages, doc } = await make();
    const plan = pages.filter((p) => p.includes('MEDICATION ACTION PLAN FOR')).join(' ');
    expect(plan).toContain('Getting rid of medicines you no longer use');
    expect(plan).toContain(
      'Lakewood Police Department, 12650 Detroit Ave, Lakewood, OH 44107 Drop box in the lobby, open 24 hours',
    );
    expect(plan).toContain('FDA’s flush list (www.fda.gov/drugdisposal)');
    expect(plan).toContain('Do not crush tablets or capsules.');
    expect(plan).toMatch(/used coffee grounds, dirt or cat litter/);
    expect(plan).toContain('Put the mix in a plastic bag, seal it and throw it in your household trash.');
    expect(plan).toContain('Scratch out your name and other personal information');
    expect(plan).toContain('www.dea.gov/takebackday');
    expect(plan).toContain('National Prescription Drug Take Back Day');
    // The whole section on one page, after the action plan's follow-up block.
    const page = pages.find((p) => p.includes('Getting rid of medicines'))!;
    expect(page).toContain('www.dea.gov/takebackday');
    expect(page.indexOf('Getting rid of')).toBeGreaterThan(
      page.indexOf('If you have any questions about your action plan'),
    );
    expect(doc.notes.join(' ')).toMatch(/safe-disposal section is MTM Desk’s own wording/);

    const es = (await make({ language: 'es' })).pages.join(' ');
    expect(es).toContain('Cómo deshacerse de los medicamentos que ya no usa');
    expect(es).toContain('Lakewood Police Department, 12650 Detroit Ave, Lakewood, OH 44107');
    expect(es).toContain('café molido usado, tierra o arena para gatos');

    // No site listed: the patient is asked to call.
    await call(session, 'settings:update', { documents: { ...SAMPLE_DOCUMENT_SETTINGS, takeBackSites: [] } });
    const none = (await make()).pages.join(' ');
    expect(none).toContain('Ask us where the nearest take-back site is: call (216) 555-0100.');
    expect(none).not.toContain('Lakewood Police Department');
  });

  it('names the caregiver who represented the patient as a source of the medication list', async () => {
    const { db, review, make } = await signed({ language: 'es' });
    const sources = (pages: string[]) =>
      pages.find((p) => /We also used information from|También usamos información de/.test(p))!;
    expect(sources((await make({ language: 'en' })).pages)).toContain(
      'We also used information from your pharmacy’s records.',
    );
    await run(
      db,
      sql`UPDATE reviews SET recipient = 'caregiver', caregiver_name = 'Maria Lopez', caregiver_relationship = 'daughter'
          WHERE id = ${review.id}`,
    );
    const en = await make({ language: 'en' });
    expect(sources(en.pages)).toContain(
      'We also used information from your pharmacy’s records and Maria Lopez (your daughter).',
    );
    expect(en.pages[0]).toContain('Dear Maria Lopez:');
    const es = await make();
    expect(sources(es.pages)).toContain(
      'También usamos información de los registros de su farmacia y Maria Lopez (daughter).',
    );
    expect(es.doc.warnings).toContain(
      'The caregiver’s relationship prints as typed in the Spanish summary: "daughter".',
    );
    // No relationship recorded: the name alone.
    await run(db, sql`UPDATE reviews SET caregiver_relationship = NULL WHERE id = ${review.id}`);
    expect(sources((await make({ language: 'en' })).pages)).toContain(
      'We also used information from your pharmacy’s records and Maria Lopez.',
    );
  });

  it('prints “cc:” and the prescriber on the cover letter only when a copy goes to them', async () => {
    const { session, review, make } = await signed();
    const plain = await make();
    expect(plain.pages.join(' ')).not.toMatch(/\bcc:/);
    const copied = await make({ ccPrescribers: true });
    expect(copied.pages[0]).toMatch(/Lakeshore Family Pharmacy cc: Beatrice Okonjo, MD/);
    expect(copied.doc.pages).toBe(plain.doc.pages);
    expect((await make({ ccPrescribers: true, language: 'es' })).pages[0]).toContain('cc: Beatrice Okonjo, MD');
    expect(
      await dispatch(session, 'documents:make', { kind: 'cmrSummary', reviewId: review.id, ccPrescribers: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'ccPrescribers' }] } });
  });

  it('keeps the take-back sites valid: a bad site changes nothing, and settings saved without sites keep them', async () => {
    const { session } = await newPharmacy();
    await call(session, 'settings:update', { documents: SAMPLE_DOCUMENT_SETTINGS });
    const bad = await dispatch(session, 'settings:update', {
      documents: { ...SAMPLE_DOCUMENT_SETTINGS, takeBackSites: [{ name: ' ', address: 'Main St', hours: '' }] },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ field: 'documents.takeBackSites.0.name', message: 'Name the take-back site' }],
      },
    });
    expect((await call(session, 'settings:get', {})).documents).toEqual(SAMPLE_DOCUMENT_SETTINGS);
    const tooMany = await dispatch(session, 'settings:update', {
      documents: {
        ...SAMPLE_DOCUMENT_SETTINGS,
        takeBackSites: Array.from({ length: 5 }, (_, i) => ({ name: `Site ${i}`, address: 'Main St', hours: '' })),
      },
    });
    expect(tooMany).toMatchObject({ ok: false, error: { issues: [{ message: 'List at most 4 take-back sites' }] } });
    // Saved without the sites (an older screen, the demo): the sites stay.
    const kept = await call(session, 'settings:update', {
      documents: { hours: 'Mon–Sat 9–6', tty: '711', fax: '2165550199', fileNames: 'reference' },
    });
    expect(kept.documents).toMatchObject({
      hours: 'Mon–Sat 9–6',
      takeBackSites: SAMPLE_DOCUMENT_SETTINGS.takeBackSites,
    });
  });
});
