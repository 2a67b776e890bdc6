// Part D MTM eligibility: the targeting criteria a pharmacy sets per contract year, the screening
// result per patient, and the enrollment steps recorded against it.
import { z } from 'zod';
import targeting from '../../resources/regulatory/mtm-targeting.json';
import { CORE_CHRONIC_DISEASES } from './clinical';
import { idSchema, isoDate, pastDate } from './fields';
import { requiredText } from './identifiers';

export const CORE_DISEASE_IDS = CORE_CHRONIC_DISEASES.map((d) => d.id) as [string, ...string[]];
export const OPT_OUT_REASONS = Object.keys(targeting.optOutReasons.reasons) as [
  keyof typeof targeting.optOutReasons.reasons,
  ...(keyof typeof targeting.optOutReasons.reasons)[],
];
export const OPT_OUT_LABELS: Record<string, string> = targeting.optOutReasons.reasons;
export const CMR_OFFER_METHODS = ['inPerson', 'telephone', 'mail', 'other'] as const;
export const CMR_OFFER_LABELS: Record<(typeof CMR_OFFER_METHODS)[number], string> = {
  inPerson: 'In person',
  telephone: 'Telephone',
  mail: 'Mail',
  other: 'Other',
};
export const ENROLLMENT_STATUSES = ['none', 'targeted', 'enrolled', 'cmrOffered', 'cmrCompleted', 'optedOut'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const STATUS_LABELS: Record<EnrollmentStatus, string> = {
  none: 'Not enrolled',
  targeted: 'Targeted',
  enrolled: 'Enrolled',
  cmrOffered: 'CMR offered',
  cmrCompleted: 'CMR completed',
  optedOut: 'Opted out',
};

const year = z.number({ error: 'Choose a contract year' }).int().min(2023).max(2100);

export const criteriaSchema = z
  .object({
    minDiseases: z
      .number()
      .int()
      .min(2, 'Plans may require 2 or 3 core chronic diseases')
      .max(3, 'Plans may require 2 or 3 core chronic diseases'),
    minDrugs: z
      .number()
      .int()
      .min(2, 'Plans may require 2 to 8 Part D drugs')
      .max(8, 'Plans may require 2 to 8 Part D drugs'),
    costThreshold: z.number().positive('The cost threshold is a dollar amount above 0').max(100000).nullable(),
    diseases: z.array(z.enum(CORE_DISEASE_IDS)).min(1, 'Choose at least one disease that counts'),
  })
  .strict();
export type Criteria = z.output<typeof criteriaSchema>;

export interface YearCriteria extends Criteria {
  contractYear: number;
  /** Where the values came from: the pharmacy's own setting, or MTM Desk's defaults for the year. */
  origin: 'pharmacy' | 'default';
  /** The CMS citation for the year's limits and threshold. */
  source: string;
  /** CMS requires every core chronic disease to count from 2025. */
  allDiseasesRequired: boolean;
  updatedBy: string | null;
}

export const criteriaGetRequest = z.object({ contractYear: year }).strict();
export const criteriaSetRequest = z.object({ contractYear: year, criteria: criteriaSchema }).strict();
export const screeningRequest = z.object({ contractYear: year, asOf: isoDate('date').optional() }).strict();

export interface Enrollment {
  status: EnrollmentStatus;
  version: number;
  targetedDate: string | null;
  enrolledDate: string | null;
  optOutDate: string | null;
  optOutReason: string | null;
  cmrOfferedDate: string | null;
  cmrOfferedMethod: (typeof CMR_OFFER_METHODS)[number] | null;
  cmrCompletedDate: string | null;
}

export interface ScreenedPatient {
  patientId: string;
  name: string;
  dateOfBirth: string;
  planName: string | null;
  /** Core chronic diseases that count this year, from the patient's active conditions. */
  diseases: string[];
  /** Part D maintenance drugs (by ingredient) filled in the last 12 months. */
  maintenanceDrugs: string[];
  /** Fills in the period whose drug the vocabulary could not classify. */
  unclassifiedFills: number;
  /** Estimated annual drug cost from the last 12 months of fills; null when no fill has a cost. */
  annualCost: number | null;
  meets: { diseases: boolean; drugs: boolean; cost: boolean | null };
  result: 'eligible' | 'checkCost' | 'close' | 'notEligible';
  enrollment: Enrollment;
}

export interface ScreeningResult {
  contractYear: number;
  asOf: string;
  periodStart: string;
  criteria: YearCriteria;
  /** Patients who meet or nearly meet the criteria, and any patient with an enrollment step this year. */
  patients: ScreenedPatient[];
  screened: number;
  counts: Record<ScreenedPatient['result'], number>;
  elapsedMs: number;
}

export const enrollmentActionRequest = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('target'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('date targeted'),
    })
    .strict(),
  z
    .object({
      action: z.literal('enroll'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('enrollment date'),
    })
    .strict(),
  z
    .object({
      action: z.literal('optOut'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('opt-out date'),
      reason: z.enum(OPT_OUT_REASONS, { error: 'Choose why the patient left the programme' }),
      note: requiredText('note', 200).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('offerCmr'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('date the CMR was offered'),
      method: z.enum(CMR_OFFER_METHODS, { error: 'Choose how the CMR was offered' }),
    })
    .strict(),
  z
    .object({
      action: z.literal('completeCmr'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('CMR date'),
    })
    .strict(),
]);
export type EnrollmentAction = z.output<typeof enrollmentActionRequest>;
