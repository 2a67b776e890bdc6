// The prescriber fax as the office receives it: only printed when the pharmacy's fax number is set
// (the answer comes back by fax), a cover that says where and by when to fax the answer, and a letter
// with the patient's current medicines in English and the pharmacist's signature block.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { all, run, sql } from '../../main/db/sql';
import { makeDocument } from '../../main/documents/documents-service';
import { sampleSignedCmr } from '../helpers/sample-review';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { differenceFromReference, fontSizeOf, pagesText, renderPage, wordBoxes } from './pdf-tools';

const PREPARED = '2026-12-01';
const PHARMACY_FAX = '(216) 555-0199';

async function faxable(opts: { medicines: number; language?: 'en' | 'es'; fax?: boolean }) {
  const { session } = await newPharmacy();
  const sample = await sampleSignedCmr(session, {
    medicines: opts.medicines,
    language: opts.language ?? 'en',
    cmrDate: '2026-11-30',
    ...(opts.fax === false ? { documentSettings: false as const } : {}),
  });
  if (opts.fax !== false)
    await call(session, 'settings:update', {
      documents: { hours: '', tty: '', fax: PHARMACY_FAX, fileNames: 'reference' },
    });
  const { db, user } = session.current();
  const make = async () => {
    const doc = await makeDocument(
      db,
      user,
      { kind: 'prescriberLetter', reviewId: sample.review.id, prescriberId: sample.prescriberId },
      PREPARED,
    );
    const pdf = Buffer.from(doc.base64, 'base64');
    return { doc, pdf, pages: pagesText(pdf).map((p) => p.replace(/\s+/g, ' ')) };
  };
  /** The fax as sent with the answer due on `due`, or (once removed) as not sent yet. */
  const recorded = (due: string | null) =>
    due
      ? run(db, sql`UPDATE review_communications SET sent_date = '2026-11-30', due_date = ${due}`)
      : run(db, sql`DELETE FROM review_communications`);
  return { session, db, ...sample, make, recorded };
}

describe('the prescriber fax', () => {
  it('is not printed without the pharmacy’s fax number, and nothing is recorded', async () => {
    const { session, db, review, prescriberId, recorded } = await faxable({ medicines: 3, fax: false });
    await recorded(null);
    const before = await call(session, 'reviews:get', { id: review.id });
    const res = await dispatch(session, 'documents:make', {
      kind: 'prescriberLetter',
      reviewId: review.id,
      prescriberId,
    });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringMatching(/fax number.*Users → Printed documents → Pharmacy fax/),
      },
    });
    expect(await call(session, 'reviews:get', { id: review.id })).toEqual(before);
    expect(await all(db, sql`SELECT 1 FROM review_communications`)).toEqual([]);
    expect(
      await all<{ outcome: string }>(
        db,
        sql`SELECT outcome FROM audit_log WHERE action = 'document.prescriberLetter' AND object_id = ${review.id}`,
      ),
    ).toEqual([{ outcome: 'failure' }]);
    await session.signOut();
  });

  it('says on the cover where to fax the answer and by when', async () => {
    const { session, make, recorded } = await faxable({ medicines: 3 });
    // Recorded as sent: the date the app tracks.
    await recorded('2026-12-04');
    let [cover] = (await make()).pages;
    expect(cover).toContain(`Please fax your answer to ${PHARMACY_FAX} by Friday, December 4, 2026.`);
    // Sent before and already past due (faxed again): a week from today, never a date gone by.
    await recorded('2026-11-30');
    [cover] = (await make()).pages;
    expect(cover).toContain('Answer needed by: Tuesday, December 8, 2026');
    // Not sent yet: due a week from today.
    await recorded(null);
    [cover] = (await make()).pages;
    expect(cover).toContain(`Fax: ${PHARMACY_FAX} Date: 12/01/2026`);
    expect(cover).toContain('Answer needed by: Tuesday, December 8, 2026');
    expect(cover).toContain(`Please fax your answer to ${PHARMACY_FAX} by Tuesday, December 8, 2026.`);
    expect(cover).toContain('Questions? Call Lakeshore Family Pharmacy at (216) 555-0100.');
    expect(cover).not.toMatch(/Renée|O'Connor|1947|call us|—/);
    await session.signOut();
  });

  it('gives the current medicines in English and ends with the pharmacist’s signature, the letter on one page', async () => {
    // A Spanish-speaking patient: the prescriber still reads English.
    const { session, make, recorded } = await faxable({ medicines: 10, language: 'es' });
    await recorded(null);
    const { doc, pdf, pages } = await make();
    expect(doc).toMatchObject({ pages: 2, language: 'en', title: 'Fax to Beatrice Okonjo, MD' });
    const [cover, letter] = pages as [string, string];
    expect(cover).toContain('Pages (with this cover): 2');
    expect(letter).toContain('1. Change dose');
    expect(letter).toMatch(/Your response: Accept Modify: Decline Prescriber signature Date/);
    expect(letter).toContain(
      `Thank you for caring for Renée O'Connor-Nguyễn. Please fax your answer to ${PHARMACY_FAX} by Tuesday, December 8, 2026, or call (216) 555-0100 with any questions.`,
    );
    for (const s of [
      'Sincerely,',
      'Pharmacist signature',
      'Lee Ambrose, RPh',
      'Pharmacist',
      'Lakeshore Family Pharmacy',
      'Phone (216) 555-0100',
      `Fax ${PHARMACY_FAX}`,
      'Date 12/01/2026',
    ])
      expect(letter).toContain(s);
    expect(letter).toContain('For reference: current medications, as reviewed with the patient on 11/30/2026');
    for (const s of [
      'Lisinopril 20 mg Take 1 tablet by mouth every morning.',
      'Metformin 500 mg extended-release tablet Take 2 tablets by mouth with supper.',
      'Omeprazole 20 mg (Prilosec) Take 1 capsule before breakfast.',
      'Tiotropium 18 mcg inhalation powder Inhale the contents of 1 capsule once daily',
    ])
      expect(letter).toContain(s);
    expect(letter).not.toMatch(/Tome |tableta|Para:/);
    // Fax-friendly: nothing below 11 pt.
    expect(Math.min(...wordBoxes(pdf).map(fontSizeOf))).toBeGreaterThanOrEqual(10.95);
    // The cover names no patient: the same page as the one-recommendation fax of documents.test.ts.
    expect(differenceFromReference('prescriber-fax-cover', renderPage(pdf, 1))).toBeLessThan(0.005);
    expect(differenceFromReference('prescriber-fax-letter', renderPage(pdf, 2))).toBeLessThan(0.005);
    await session.signOut();
  });
});
