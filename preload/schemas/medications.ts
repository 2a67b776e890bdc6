import { z } from 'zod';
import { idSchema, optionalPastDate, pastDate, versionSchema } from './fields';
import { optionalText, requiredText } from './identifiers';

export const MEDICATION_KINDS = ['rx', 'otc', 'herbal', 'supplement'] as const;
export const MEDICATION_SOURCES = [
  'pharmacyFill',
  'patientReported',
  'otherPharmacy',
  'dischargeList',
  'caregiver',
] as const;
export const KIND_LABELS: Record<(typeof MEDICATION_KINDS)[number], string> = {
  rx: 'Prescription',
  otc: 'Over the counter',
  herbal: 'Herbal',
  supplement: 'Supplement',
};
export const SOURCE_LABELS: Record<(typeof MEDICATION_SOURCES)[number], string> = {
  pharmacyFill: 'Our pharmacy fills',
  patientReported: 'Patient reported',
  otherPharmacy: 'Other pharmacy',
  dischargeList: 'Hospital discharge list',
  caregiver: 'Caregiver',
};

export const medicationInputSchema = z
  .object({
    product: requiredText('medicine name', 160),
    /** RxNorm concept, when the product was picked from the vocabulary; free text is "uncoded". */
    rxcui: z
      .string()
      .trim()
      .regex(/^\d{1,10}$/, 'Not an RxNorm concept id')
      .optional(),
    kind: z.enum(MEDICATION_KINDS, { error: 'Choose prescription, over the counter, herbal or supplement' }),
    strength: optionalText(60),
    doseForm: optionalText(60),
    sig: optionalText(300),
    indication: optionalText(160),
    prescriberId: idSchema.optional(),
    startDate: optionalPastDate('start date'),
    source: z.enum(MEDICATION_SOURCES, { error: 'Choose where this information came from' }),
  })
  .strict();

export const medicationAddRequest = z.object({ patientId: idSchema, medication: medicationInputSchema }).strict();
export const medicationUpdateRequest = z
  .object({ id: idSchema, version: versionSchema, medication: medicationInputSchema })
  .strict();
export const medicationStopRequest = z
  .object({
    id: idSchema,
    version: versionSchema,
    stopDate: pastDate('stop date', { missing: 'Enter the date it was stopped' }),
    reason: requiredText('reason it was stopped', 200),
  })
  .strict();
export const medicationListRequest = z.object({ patientId: idSchema }).strict();
export const medicationIdRequest = z.object({ id: idSchema }).strict();

export interface Medication {
  id: string;
  patientId: string;
  version: number;
  product: string;
  rxcui: string | null;
  /** Coded in RxNorm, or recognised by the drug vocabulary from its name: the checks can see it. */
  coded: boolean;
  kind: (typeof MEDICATION_KINDS)[number];
  strength: string | null;
  doseForm: string | null;
  sig: string | null;
  indication: string | null;
  prescriber: { id: string; name: string } | null;
  startDate: string | null;
  stopDate: string | null;
  stopReason: string | null;
  source: (typeof MEDICATION_SOURCES)[number];
  updatedAt: string;
  updatedBy: string;
}

export interface MedicationList {
  active: Medication[];
  past: Medication[];
}

export interface MedicationVersion {
  version: number;
  change: 'added' | 'changed' | 'stopped';
  changedAt: string;
  changedBy: string;
  medication: Medication;
}

/** Directions as typed, to be read back in plain words before they are saved (nothing is stored). */
export const sigTranslateRequest = z
  .object({ sig: z.string({ error: 'Enter the directions' }).trim().min(1, 'Enter the directions').max(300) })
  .strict();

/** Directions as the patient's list prints them, and what the pharmacist must confirm or finish. */
export interface SigTranslation {
  /** The directions in plain English: one sentence, then any short extra sentences ("Shake well first."). */
  en: string;
  es: string;
  /** False when the pharmacist must finish the directions: unknown words, no frequency, no unit, "as directed". */
  complete: boolean;
  /** Words the table does not know, as parseSig lower-cases them (also shown in the sentences). */
  unknown: string[];
  /** Error-prone abbreviations and dose designations the directions use (ISMP, Joint Commission). */
  flags: string[];
}
