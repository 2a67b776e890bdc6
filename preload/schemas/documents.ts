// Printed documents made from a review: the CMS Standardized Format summary, the prescriber fax,
// the pharmacist's note. The PDF travels as base64 so both transports carry it unchanged.
import { z } from 'zod';
import { idSchema, versionSchema } from './fields';

export const DOCUMENT_LANGUAGES = ['en', 'es'] as const;
export const LANGUAGE_NAMES: Record<(typeof DOCUMENT_LANGUAGES)[number], string> = { en: 'English', es: 'Spanish' };

export const documentRequest = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('cmrSummary'),
        reviewId: idSchema,
        language: z.enum(DOCUMENT_LANGUAGES, { error: 'Choose English or Spanish' }).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('prescriberLetter'), reviewId: idSchema, prescriberId: idSchema }).strict(),
    z.object({ kind: z.literal('pharmacistNote'), reviewId: idSchema }).strict(),
  ],
  { error: 'Choose the CMR summary, a prescriber fax or the pharmacist note' },
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
  language: (typeof DOCUMENT_LANGUAGES)[number];
  /** False when the fixed text is MTM Desk's translation, not the official CMS wording. */
  officialText: boolean;
  /** Made from a review that is not signed yet: printed with a DRAFT mark. */
  draft: boolean;
}
