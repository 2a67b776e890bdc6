// Makes a review's documents and records when they went out.
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Content, ContentSection, ContextPageSize, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { documentSentRequest, DocumentRequest, PrintedDocument } from '../../preload/schemas/documents';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { RESPONSE_DAYS, type Review } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { SUMMARY_REQUIRED_SETTINGS, type DocumentSettings } from '../../preload/schemas/settings';
import { AppError } from '../common/errors';
import { all, run, sql } from '../db/sql';
import { change } from '../reviews/review-store';
import format from '../../resources/documents/standardized-format.json';
import { ccNames, cmrSummaryDocument, formatTexts } from './cmr-summary';
import { otherLanguage, otherLanguageWarnings } from './language-check';
import { PAGE_MARGINS } from './pdf-parts';
import { reviewDocumentData, type ReviewDocumentData } from './document-data';
import { pageCount, renderPdf } from './pdf-engine';
import { pharmacistNoteDocument } from './pharmacist-note';
import { pillCardDocument } from './pill-card';
import { prescriberLetterDocument } from './prescriber-letter';
import { billingProvider, renderingPharmacist } from '../billing/billing-setup';
import { carePlanBundle } from './fhir-care-plan';

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const DRAFT_LINE: Content = {
  text: 'DRAFT — NOT SIGNED — not for the patient',
  alignment: 'center',
  bold: true,
  color: '#a8201a',
  // A quarter inch down (inside what every printer prints), within the smallest top margin (the pill card's).
  margin: [0, 18, 0, 0],
};

/**
 * An unsigned review's documents say so on every page, in words and across the page (above a part's own title too).
 * The prescriber fax is not one of them: it is the pharmacist's own letter, complete and signed when it is sent, and
 * it goes out while the review is still open as often as after (the answer it asks for may come after sign-off).
 */
function markedDraft(doc: TDocumentDefinitions): TDocumentDefinitions {
  const content = Array.isArray(doc.content)
    ? doc.content.map((c) => {
        const part = c as ContentSection;
        const own = part.section !== undefined ? part.header : undefined;
        if (typeof own !== 'function') return c;
        return {
          ...part,
          header: (page: number, pages: number, size: ContextPageSize) => ({
            stack: [
              DRAFT_LINE,
              { ...(own(page, pages, size) as object), margin: [PAGE_MARGINS[0], 2, PAGE_MARGINS[2], 0] },
            ],
          }),
        } as Content;
      })
    : doc.content;
  return { ...doc, content, watermark: { text: 'DRAFT', opacity: 0.1, bold: true }, header: DRAFT_LINE };
}

/** No patient data in a file name unless the pharmacy's setting asks for it. */
function fileName(kind: string, d: ReviewDocumentData, style: DocumentSettings['fileNames']): string {
  const who =
    style === 'initials'
      ? ascii([d.patient.firstName[0], d.patient.lastName[0]].join(''))
      : style === 'fullName'
        ? ascii(`${d.patient.firstName} ${d.patient.lastName}`)
        : '';
  return `${[kind, d.preparedOn, d.review.id.slice(0, 8), who].filter(Boolean).join('-')}.pdf`;
}

const listed = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/**
 * The Standardized Format's cover letter gives the days and times to call and the TTY, and the letterhead the
 * fax: a summary is not printed without them.
 */
function checkSummarySettings(settings: DocumentSettings): void {
  const missing = (Object.keys(SUMMARY_REQUIRED_SETTINGS) as (keyof typeof SUMMARY_REQUIRED_SETTINGS)[])
    .filter((k) => !settings[k].trim())
    .map((k) => SUMMARY_REQUIRED_SETTINGS[k]);
  if (missing.length)
    throw new AppError(
      'validation',
      `Enter the pharmacy’s ${listed(missing)} before printing the CMR summary: the CMS Standardized Format’s cover letter tells the patient when to call, the TTY number and the fax. Users → Printed documents (an administrator can change it).`,
    );
}

const communicationFor = (r: Review, prescriberId: string) => {
  const c = r.communications.find((x) => x.prescriber.id === prescriberId);
  if (!c) throw new AppError('notFound', 'This review has no recommendation for that prescriber.');
  return c;
};

export async function makeDocument(
  db: DataSource,
  user: SignedInUser,
  req: DocumentRequest,
  preparedOn?: string,
): Promise<PrintedDocument> {
  const d = await reviewDocumentData(db, req.reviewId, user.fullName, {
    ...((req.kind === 'cmrSummary' || req.kind === 'pillCard') && req.language && req.language !== 'both'
      ? { language: req.language }
      : {}),
    // The fax is for the prescriber: medicine names and reasons in English whatever the patient reads.
    ...(req.kind === 'prescriberLetter' ? { language: 'en' as const } : {}),
    ...(preparedOn ? { preparedOn } : {}),
  });
  const draft = d.review.status !== 'completed' && req.kind !== 'prescriberLetter';
  const withMark = (doc: TDocumentDefinitions) => (draft ? markedDraft(doc) : doc);
  let warnings: string[] = [];
  let officialText = true;
  let notes: string[] = [];
  let pdf: Buffer;
  let title: string;
  let kind: string;
  if (req.kind === 'cmrSummary') {
    if (d.review.type !== 'cmr')
      throw new AppError(
        'validation',
        'The CMS Standardized Format summary follows a CMR. For a TMR or follow-up, print the pharmacist summary.',
      );
    checkSummarySettings(d.settings);
    if (req.ccPrescribers && !ccNames(d).length)
      throw new AppError(
        'validation',
        'This review wrote to no prescriber, so there is nobody to copy: print the summary without the copy.',
      );
    // Both languages: the patient's first, then the other, for a caregiver who reads it.
    const versions =
      req.language === 'both'
        ? [
            d,
            await reviewDocumentData(db, req.reviewId, user.fullName, {
              language: otherLanguage(d.language),
              preparedOn: d.preparedOn,
            }),
          ]
        : [d];
    warnings = versions.flatMap(otherLanguageWarnings);
    officialText = versions.every((v) => formatTexts(v.language).official);
    notes = format.previewNotes;
    pdf = await renderPdf(
      withMark(cmrSummaryDocument(versions, { ccPrescribers: req.ccPrescribers ?? false })),
      d.preparedOn,
    );
    title = 'CMR summary (Standardized Format)';
    kind = 'CMR-summary';
  } else if (req.kind === 'prescriberLetter') {
    const c = communicationFor(d.review, req.prescriberId);
    // The prescriber answers by fax: a fax that cannot say where to send the answer is not printed.
    if (!d.settings.fax)
      throw new AppError(
        'validation',
        'Enter the pharmacy’s fax number before printing a fax, so the prescriber can fax the answer back: Users → Printed documents → Pharmacy fax (an administrator can change it).',
      );
    // The cover sheet states the page count, known once the fax has been laid out.
    const pages = pageCount(await renderPdf(withMark(prescriberLetterDocument(d, c, null)), d.preparedOn));
    pdf = await renderPdf(withMark(prescriberLetterDocument(d, c, pages)), d.preparedOn);
    title = `Fax to ${c.prescriber.name}`;
    kind = 'prescriber-fax';
  } else if (req.kind === 'pillCard') {
    pdf = await renderPdf(withMark(pillCardDocument(d)), d.preparedOn);
    title = 'Pill card';
    kind = 'pill-card';
  } else {
    pdf = await renderPdf(withMark(pharmacistNoteDocument(d)), d.preparedOn);
    title = d.review.type === 'cmr' ? 'Pharmacist documentation' : 'Review summary';
    kind = d.review.type === 'cmr' ? 'pharmacist-note' : 'review-summary';
  }
  return {
    kind: req.kind,
    patientId: d.patient.id,
    title,
    fileName: fileName(kind, d, d.settings.fileNames),
    base64: pdf.toString('base64'),
    pages: pageCount(pdf),
    // The patient's documents in their language (the summary perhaps in both); the pharmacy's in English.
    language:
      req.kind === 'cmrSummary' && req.language === 'both'
        ? 'both'
        : req.kind === 'cmrSummary' || req.kind === 'pillCard'
          ? d.language
          : 'en',
    warnings,
    officialText,
    draft,
    notes,
  };
}

/**
 * The summary's sent date, or the fax's communication (sent today, answer due in a week), unless already recorded.
 * The fax is recorded whether the review is signed or not: printing it or saving it for an e-fax service sends it.
 */
export function recordDocumentSent(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof documentSentRequest>,
): Promise<Review> {
  const today = todayIso();
  return change(
    db,
    user,
    req.reviewId,
    req.version,
    async (em, r) => {
      if (req.kind === 'cmrSummary') return r.summary_sent_date ? {} : { summary_sent_date: today };
      const planned = await all<unknown>(
        em,
        sql`SELECT 1 FROM review_recommendations WHERE review_id = ${r.id} AND prescriber_id = ${req.prescriberId}`,
      );
      if (!planned.length) throw new AppError('notFound', 'This review has no recommendation for that prescriber.');
      await run(
        em,
        sql`INSERT INTO review_communications (review_id, prescriber_id, method, sent_date, due_date, recorded_by)
            VALUES (${r.id}, ${req.prescriberId}, 'fax', ${today}, ${isoDaysBefore(today, -RESPONSE_DAYS)},
              ${user.username})
            ON CONFLICT (review_id, prescriber_id) DO NOTHING`,
      );
      return {};
    },
    true,
  );
}

/** The review as a FHIR R4 document Bundle (Pharmacist Care Plan), for the plan or the care team. */
export async function carePlanFile(
  db: DataSource,
  user: SignedInUser,
  reviewId: string,
): Promise<{ fileName: string; json: string; patientId: string }> {
  const d = await reviewDocumentData(db, reviewId, user.fullName);
  const signer = /\(([^)]+)\)$/.exec(d.review.signedBy ?? '')?.[1] ?? user.username;
  const rendering = await renderingPharmacist(db.manager, signer);
  const bundle = carePlanBundle({
    ...d,
    pharmacistNpi: rendering?.npi ?? null,
    pharmacyNpi: (await billingProvider(db.manager))?.npi ?? d.pharmacy.npi,
  });
  return {
    fileName: fileName('care-plan', d, d.settings.fileNames).replace(/\.pdf$/, '.json'),
    json: JSON.stringify(bundle, null, 2),
    patientId: d.patient.id,
  };
}
