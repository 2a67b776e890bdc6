// Printed documents made from a review: the CMS Standardized Format summary, the prescriber fax,
// the pharmacist's note, the patient's pill card. The PDF travels as base64 so both transports carry it
// unchanged.
import { z } from 'zod';
import { idSchema, versionSchema } from './fields';

export const DOCUMENT_LANGUAGES = ['en', 'es'] as const;
export const LANGUAGE_NAMES: Record<(typeof DOCUMENT_LANGUAGES)[number], string> = { en: 'English', es: 'Spanish' };
/** A summary prints in one language or, for a caregiver who reads the other, in both one after the other. */
export const SUMMARY_LANGUAGES = [...DOCUMENT_LANGUAGES, 'both'] as const;

export const documentRequest = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('cmrSummary'),
        reviewId: idSchema,
        language: z.enum(SUMMARY_LANGUAGES, { error: 'Choose English, Spanish or both' }).optional(),
        /** A copy goes to the prescribers the review wrote to: the cover letter says so on a "cc:" line. */
        ccPrescribers: z.boolean({ error: 'Say whether a copy goes to the prescribers' }).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('prescriberLetter'), reviewId: idSchema, prescriberId: idSchema }).strict(),
    z.object({ kind: z.literal('pharmacistNote'), reviewId: idSchema }).strict(),
    // The patient's daily schedule: kept at home, never "sent", so it is not recorded.
    z
      .object({
        kind: z.literal('pillCard'),
        reviewId: idSchema,
        language: z.enum(DOCUMENT_LANGUAGES, { error: 'Choose English or Spanish' }).optional(),
      })
      .strict(),
  ],
  { error: 'Choose the CMR summary, a prescriber fax, the pharmacist note or the pill card' },
);
export type DocumentRequest = z.output<typeof documentRequest>;

/** Printing or saving a document the patient or prescriber receives records when it went out. */
export const documentSentRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cmrSummary'), reviewId: idSchema, version: versionSchema }).strict(),
  z
    .object({ kind: z.literal('prescriberLetter'), reviewId: idSchema, version: versionSchema, prescriberId: idSchema })
    .strict(),
]);

export const carePlanRequest = z.object({ reviewId: idSchema }).strict();
export interface CarePlanFile {
  fileName: string;
  /** A FHIR R4 document Bundle, pretty-printed. */
  json: string;
  patientId: string;
}

export interface PrintedDocument {
  kind: DocumentRequest['kind'];
  patientId: string;
  title: string;
  fileName: string;
  base64: string;
  pages: number;
  language: (typeof SUMMARY_LANGUAGES)[number];
  /** Free text that would print in the other language than the document's, to fix or accept before printing. */
  warnings: string[];
  /** False when the fixed text is MTM Desk's translation, not the official CMS wording. */
  officialText: boolean;
  /** Made from a review that is not signed yet: printed with a DRAFT mark (never the prescriber fax, a letter of its own). */
  draft: boolean;
  /** What the pharmacist should know about fixed text that could not be checked against the current CMS form. */
  notes: string[];
}
