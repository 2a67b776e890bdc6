import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { makeDocument } from '../../main/documents/documents-service';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { sampleSignedCmr } from '../helpers/sample-review';
import { differenceFromReference, pagesText, renderPage } from './pdf-tools';

const CMR_DATE = '2026-11-30';
const PREPARED = '2026-12-01';
const NAME = "Renée Ángela O'Connor-Nguyễn";

async function signed(medicines: number, language: 'en' | 'es' = 'en') {
  const { session } = await newPharmacy();
  const sample = await sampleSignedCmr(session, { medicines, language, cmrDate: CMR_DATE });
  const { db, user } = session.current();
  const make = async (req: Parameters<typeof makeDocument>[2]) => {
    const doc = await makeDocument(db, user, req, PREPARED);
    return { doc, pdf: Buffer.from(doc.base64, 'base64') };
  };
  return { session, ...sample, make };
}

describe('the CMR summary in the CMS Standardized Format', () => {
  it('prints the cover letter, action plan and medication list with the patient’s data in place', async () => {
    const { session, review, make } = await signed(8);
    const { doc, pdf } = await make({ kind: 'cmrSummary', reviewId: review.id });
    expect(doc).toMatchObject({
      language: 'en',
      officialText: true,
      draft: false,
      fileName: `CMR-summary-${PREPARED}-${review.id.slice(0, 8)}.pdf`,
    });
    const pages = pagesText(pdf);
    expect(pages.length).toBe(doc.pages);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const [cover, ...rest] = pages.map(flat);
    expect(cover).toContain('Lakeshore Family Pharmacy');
    expect(cover).toContain('December 1, 2026');
    expect(cover).toContain(`${NAME} 1418 Lakeview Terrace, Apt 3B Lakewood, OH 44107`);
    expect(cover).toContain(`Dear ${NAME}:`);
    expect(cover).toContain('Thank you for talking with me on November 30, 2026 about your health and medications.');
    expect(cover).toContain(
      'please call Lakeshore Family Pharmacy at (216) 555-0100, Mon–Fri 9 am–7 pm, Sat 9 am–1 pm, TTY 711.',
    );
    expect(cover).toContain('through the Buckeye Senior Rx (PDP) MTM program.');
    // The cover letter is one page: signature included, the action plan starts on page 2.
    expect(cover).toContain('Sincerely, Lee Ambrose, RPh Pharmacist Lakeshore Family Pharmacy');
    expect(rest[0]).toContain('MEDICATION ACTION PLAN FOR');
    const map = rest.filter((p) => p.includes('MEDICATION ACTION PLAN FOR')).join(' ');
    expect(map).toContain('What we talked about: Feeling dizzy when you stand up, and your blood pressure medicines.');
    expect(map).toContain('What I need to do: Take atorvastatin every night at bedtime. Set a phone alarm for 9 pm.');
    expect(map.match(/What I did and when I did it:/g)).toHaveLength(2);
    expect(map).toContain('My follow-up plan');
    expect(map).toContain('Questions I want to ask');
    expect(map).toContain('DATE PREPARED: 12/01/2026');
    const pml = rest.filter((p) => p.includes('PERSONAL MEDICATION LIST FOR')).join(' ');
    expect(pml).toContain('Allergies or side effects: Penicillin (hives)');
    for (const m of [
      'Lisinopril 20 mg',
      'Metformin 500 mg extended-release tablet',
      'Levothyroxine 50 mcg',
      'Omeprazole 20 mg',
    ])
      expect(pml).toContain(m);
    // Text that looks like markup prints as typed; long names wrap inside their block.
    expect(pml).toContain('Inject 16 units under the skin once a day <b>same');
    expect(pml).toContain('& check sugar if "shaky"');
    expect(pml).toContain('Insulin degludec and liraglutide injection pen');
    // The patient's name and the page count on every page.
    pages.forEach((p, i) => expect(flat(p)).toContain(`${NAME} · 03/09/1947 Page ${i + 1} of ${pages.length}`));
    await session.signOut();
  });

  it('keeps its layout: pages rendered match the reference images', async () => {
    const { session, review, make } = await signed(8);
    const { pdf } = await make({ kind: 'cmrSummary', reviewId: review.id });
    for (const [page, name] of [
      [1, 'cmr-cover-letter'],
      [2, 'cmr-action-plan'],
      [4, 'cmr-medication-list'],
    ] as const) {
      expect(differenceFromReference(name, renderPage(pdf, page)), name).toBeLessThan(0.005);
    }
    await session.signOut();
  });

  it('paginates a 25-medicine list cleanly: no block split across pages, the title on every page', async () => {
    const { session, review, make } = await signed(25);
    const { pdf } = await make({ kind: 'cmrSummary', reviewId: review.id });
    const pml = pagesText(pdf).filter((p) => p.includes('PERSONAL MEDICATION LIST FOR'));
    expect(pml.length).toBeGreaterThan(5);
    for (const page of pml)
      expect((page.match(/Medication:/g) ?? []).length).toBe((page.match(/Why I stopped using it:/g) ?? []).length);
    expect(pml.join('').match(/Medication:/g)).toHaveLength(25 + 2);
    await session.signOut();
  });

  it('prints in Spanish for a Spanish-speaking patient, marked as MTM Desk’s translation', async () => {
    const { session, review, make } = await signed(3, 'es');
    const { doc, pdf } = await make({ kind: 'cmrSummary', reviewId: review.id });
    expect(doc).toMatchObject({ language: 'es', officialText: false });
    const pages = pagesText(pdf).map((p) => p.replace(/\s+/g, ' '));
    expect(pages[0]).toContain('Atentamente, Lee Ambrose, RPh Farmacéutico(a) Lakeshore Family Pharmacy');
    expect(pages[1]).toContain('PLAN DE ACCIÓN DE MEDICAMENTOS PARA');
    const text = pages.join(' ');
    expect(text).toContain('Gracias por hablar conmigo el 30 de noviembre de 2026');
    expect(text).toContain('PLAN DE ACCIÓN DE MEDICAMENTOS PARA');
    expect(text).toContain('Lo que hice y cuándo lo hice:');
    expect(text).toContain('LISTA PERSONAL DE MEDICAMENTOS PARA');
    expect(text).toContain('Página 1 de');
    // The pharmacist can still print the English one on request.
    expect((await make({ kind: 'cmrSummary', reviewId: review.id, language: 'en' })).doc.language).toBe('en');
    await session.signOut();
  });
});

describe('the prescriber fax and the pharmacist note', () => {
  it('faxes recommendations behind a cover sheet that names no patient, with the page count and answer boxes', async () => {
    const { session, review, prescriberId, make } = await signed(5);
    // The answer comes back by fax: no fax prints without the pharmacy's number (see prescriber-fax.test.ts).
    await call(session, 'settings:update', {
      documents: { hours: '', tty: '', fax: '(216) 555-0199', fileNames: 'reference' },
    });
    const { doc, pdf } = await make({ kind: 'prescriberLetter', reviewId: review.id, prescriberId });
    const [cover, ...letter] = pagesText(pdf).map((p) => p.replace(/\s+/g, ' '));
    expect(cover).toContain('FAX');
    expect(cover).toContain('To: Beatrice Okonjo, MD');
    expect(cover).toContain('Fax: (216) 555-0134');
    expect(cover).toContain(`Pages (with this cover): ${doc.pages}`);
    expect(cover).toContain('CONFIDENTIALITY NOTICE');
    expect(cover).not.toMatch(/Renée|O'Connor|1947/);
    const body = letter.join(' ');
    expect(body).toContain(`Re: Renée O'Connor-Nguyễn, DOB 03/09/1947 · Buckeye Senior Rx (PDP) BSR-448812`);
    expect(body).toContain('Problem: amlodipine + lisinopril — Adverse drug reaction, moderate');
    expect(body).toContain(
      'Recommendation: Consider stopping amlodipine 5 mg; home BP 104/62 with orthostatic dizziness',
    );
    expect(body).toMatch(/Accept .*Modify: .*Decline/);
    expect(body).toContain('Prescriber signature');
    expect(body).not.toContain('atorvastatin every night'); // the patient's own item is not the prescriber's
    expect(differenceFromReference('prescriber-fax-cover', renderPage(pdf, 1))).toBeLessThan(0.005);
    await session.signOut();
  });

  it('prints the pharmacist note with the SOAP note, and a one-page summary after a TMR', async () => {
    const { session, review, patientId, make } = await signed(4);
    const { doc, pdf } = await make({ kind: 'pharmacistNote', reviewId: review.id });
    const text = pagesText(pdf).join(' ').replace(/\s+/g, ' ');
    expect(doc.title).toBe('Pharmacist documentation');
    expect(text).toContain('Comprehensive medication review (CMR) — pharmacist documentation');
    expect(text).toContain('Time spent 38 min');
    expect(text).toContain('SOAP note');
    expect(text).toContain('Concerns: Feels dizzy some mornings.');
    expect(text).toContain('Completed, signed by Lee Ambrose, RPh (pharmacist1)');

    // At the follow-up, one problem is resolved: the summary says when and how.
    const tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    const statin = (await call(session, 'problems:list', { patientId })).find((p) => p.title === 'atorvastatin')!;
    await call(session, 'problems:resolve', {
      id: statin.id,
      resolvedOn: new Date().toISOString().slice(0, 10),
      resolution: 'Takes it every evening with the pill box',
    });
    const summary = await make({ kind: 'pharmacistNote', reviewId: tmr.id });
    expect(summary.doc).toMatchObject({ title: 'Review summary', pages: 1, draft: true });
    expect(pagesText(summary.pdf)[0]).toContain('DRAFT');
    expect(pagesText(summary.pdf)[0]!.replace(/\s+/g, ' ')).toMatch(
      /Problems resolved atorvastatin — \d\d\/\d\d\/\d{4}: Takes it every evening with the pill box/,
    );
    expect(await dispatch(session, 'documents:make', { kind: 'cmrSummary', reviewId: tmr.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/follows a CMR/) },
    });
    await session.signOut();
  });

  it('records when the summary and the fax went out, and names files as the pharmacy chooses', async () => {
    const { session, review, prescriberId, patientId } = await signed(2);
    let r = await call(session, 'documents:sent', { kind: 'cmrSummary', reviewId: review.id, version: review.version });
    expect(r.summarySentDate).toBe(new Date().toISOString().slice(0, 10));
    // The fax was already recorded as sent during the review: printing again changes nothing.
    const before = r.communications[0]!;
    r = await call(session, 'documents:sent', {
      kind: 'prescriberLetter',
      reviewId: review.id,
      version: r.version,
      prescriberId,
    });
    expect(r.communications[0]).toEqual(before);
    expect(
      await dispatch(session, 'documents:sent', {
        kind: 'prescriberLetter',
        reviewId: review.id,
        version: r.version,
        prescriberId: patientId,
      }),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });

    await call(session, 'settings:update', {
      documents: {
        hours: 'Mon–Fri 9 am–7 pm, Sat 9 am–1 pm',
        tty: '711',
        fax: '(216) 555-0199',
        fileNames: 'fullName',
      },
    });
    const doc = await call(session, 'documents:make', { kind: 'cmrSummary', reviewId: review.id });
    expect(doc.fileName).toMatch(/^CMR-summary-\d{4}-\d\d-\d\d-[0-9a-f]{8}-Renee-O-Connor-Nguyen\.pdf$/);
    expect(pagesText(Buffer.from(doc.base64, 'base64'))[0]!.replace(/\s+/g, ' ')).toContain(
      '(216) 555-0100, Mon–Fri 9 am–7 pm, Sat 9 am–1 pm, TTY 711',
    );
    expect(
      await dispatch(session, 'settings:update', {
        documents: { hours: '', tty: '', fax: '555-01', fileNames: 'reference' },
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ field: 'documents.fax' }] } });
    await session.signOut();
  });
});
