// "Why I use it" is written in words the patient knows: a condition code the list holds (I10, E119)
// or a plain name prints as its plain name in the document’s language; an unknown code is never printed.
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../main/documents/documents-service';
import { run, sql } from '../../main/db/sql';
import { reasonInWords } from '../../preload/schemas/clinical';
import { sampleSignedCmr } from '../helpers/sample-review';
import { newPharmacy } from '../helpers/temp-pharmacy';
import { pagesText } from './pdf-tools';

describe('reasons for use in words', () => {
  it('reads bundled codes with or without the dot, keeps typed words, and refuses unknown codes', () => {
    expect(reasonInWords('I10', 'en')).toBe('High blood pressure');
    expect(reasonInWords('i10', 'es')).toBe('Presión arterial alta');
    expect(reasonInWords('E119', 'en')).toBe('Type 2 diabetes');
    expect(reasonInWords('E11.9', 'es')).toBe('Diabetes tipo 2');
    expect(reasonInWords('Blood pressure', 'en')).toBe('Blood pressure');
    expect(reasonInWords('COPD', 'en')).toBe('COPD');
    // A condition's plain name in one language prints in the other; everyday words are not read as a diagnosis.
    expect(reasonInWords('high blood pressure', 'es')).toBe('Presión arterial alta');
    expect(reasonInWords('Estreñimiento', 'en')).toBe('Constipation');
    expect(reasonInWords('heartburn', 'es')).toBe('Acidez (agruras)');
    expect(reasonInWords('cholesterol', 'es')).toBe('cholesterol');
    expect(reasonInWords('sugar', 'en')).toBe('sugar');
    expect(reasonInWords('Z99.99', 'en')).toBeNull();
  });

  it('the Personal Medication List prints the plain name in English and in Spanish, never the code', async () => {
    const { session } = await newPharmacy();
    const { review } = await sampleSignedCmr(session, { medicines: 3, cmrDate: '2026-11-30' });
    const { db, user } = session.current();
    for (const [product, reason] of [
      ['Lisinopril', 'I10'],
      ['Metformin ER', 'E119'],
      ['Atorvastatin', 'Z99.99'],
    ]) {
      await run(db, sql`UPDATE patient_medications SET indication = ${reason} WHERE product = ${product}`);
    }
    for (const [language, words] of [
      ['en', ['High blood pressure', 'Type 2 diabetes']],
      ['es', ['Presión arterial alta', 'Diabetes tipo 2']],
    ] as const) {
      const doc = await makeDocument(db, user, { kind: 'cmrSummary', reviewId: review.id, language }, '2026-12-01');
      const text = pagesText(Buffer.from(doc.base64, 'base64')).join('\n').replace(/\s+/g, ' ');
      for (const w of words) expect(text).toContain(w);
      expect(text).not.toMatch(/\bI10\b|\bE119\b|Z99\.99/);
    }
    await session.signOut();
  });

  it('prints the directions translated from the sig codes in the document language, and never a code', async () => {
    const { session } = await newPharmacy();
    const sigs = { Lisinopril: '1 PO QAM', 'Metformin ER': '2 PO QPM WF', Atorvastatin: 'UD' };
    const { review } = await sampleSignedCmr(session, { medicines: 3, cmrDate: '2026-11-30', sigs });
    const { db, user } = session.current();
    const text = async (language: 'en' | 'es') => {
      const doc = await makeDocument(db, user, { kind: 'cmrSummary', reviewId: review.id, language }, '2026-12-01');
      return pagesText(Buffer.from(doc.base64, 'base64')).join('\n').replace(/\s+/g, ' ');
    };
    const en = await text('en');
    expect(en).toContain('Take 1 tablet by mouth every morning.');
    expect(en).toContain('Take 2 tablets by mouth every evening with food.');
    const es = await text('es');
    expect(es).toContain('Tome 1 tableta por la boca cada mañana.');
    for (const t of [en, es]) expect(t).not.toMatch(/\b(PO|QAM|QPM|WF|UD)\b/);
    await session.signOut();
  });
});
