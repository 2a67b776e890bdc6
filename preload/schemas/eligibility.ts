// Part D MTM eligibility: the targeting criteria a pharmacy sets per contract year, the screening
// result per patient, and the enrollment steps recorded against it.
import { z } from 'zod';
import { pageFields, type Page } from './paging';
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
/** How the pharmacy learned that the plan's drug management programme (DMP) identified the member as at risk. */
export const DMP_SOURCES = Object.keys(targeting.dmpSources.sources) as [
  keyof typeof targeting.dmpSources.sources,
  ...(keyof typeof targeting.dmpSources.sources)[],
];
export type DmpSource = (typeof DMP_SOURCES)[number];
export const DMP_SOURCE_LABELS: Record<DmpSource, string> = targeting.dmpSources.sources;
/**
 * The CMS reason a member is targeted (ResDAC TARG_CRITERIA_MET_REASON, 2022 on): 01 met the criteria, 02 DMP
 * at-risk, 03 both, 04 none (enrolled without meeting either).
 */
export const TARGETING_REASONS = ['01', '02', '03', '04'] as const;
export type TargetingReason = (typeof TARGETING_REASONS)[number];
export const TARGETING_REASON_LABELS: Record<TargetingReason, string> = targeting.targetingReasons.codes;
/** Days after enrolment by which CMS guidance expects the CMR to be offered (resources/regulatory). */
export const CMR_OFFER_DAYS = targeting.cmrOffer.daysAfterEnrollment;
/** The first contract year MTM Desk has targeting rules for. */
export const FIRST_CONTRACT_YEAR = 2022;
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

const year = z
  .number({ error: 'Choose a contract year' })
  .int('Choose a contract year')
  .min(FIRST_CONTRACT_YEAR, `MTM Desk has targeting rules from contract year ${FIRST_CONTRACT_YEAR}`)
  .max(2100, 'Choose a contract year');

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

/** One rule of a year's targeting and where it comes from (resources/regulatory/mtm-targeting.json). */
export interface TargetingCitation {
  rule: string;
  /** primary: read in a CMS, Federal Register or statute text; secondary: a third party quoting CMS. */
  evidence: 'primary' | 'secondary' | 'notVerified';
  source: string;
}

export interface YearCriteria extends Criteria {
  contractYear: number;
  /** Where the values came from: the pharmacy's own setting, or MTM Desk's defaults for the year. */
  origin: 'pharmacy' | 'default';
  /** The CMS core chronic diseases of the year (nine before 2025, ten with HIV/AIDS from 2025). */
  coreDiseases: string[];
  /** CMS requires every core chronic disease to count from 2025. */
  allDiseasesRequired: boolean;
  /** The most diseases and drugs a plan may require this year. */
  maxMinDiseases: number;
  maxMinDrugs: number;
  /** From 2025 every Part D maintenance drug counts toward the drug minimum. */
  allMaintenanceDrugsCount: boolean;
  /** DMP at-risk members are targeted whatever their diseases, drugs or cost (from 2022). */
  dmpAtRiskTargeted: boolean;
  /** The cost threshold in MTM Desk's data for the year; null when no source for it was verified. */
  bundledCostThreshold: number | null;
  /** Why the data has no threshold for the year (null when it has one). */
  costThresholdNote: string | null;
  /** Each rule of the year with its source. */
  sources: TargetingCitation[];
  updatedBy: string | null;
}

export const criteriaGetRequest = z.object({ contractYear: year }).strict();
export const criteriaSetRequest = z.object({ contractYear: year, criteria: criteriaSchema }).strict();
/** "4 core chronic diseases (3 needed)", "1 core chronic disease (3 needed)": what the patient has against the rule. */
export function neededLine(have: number, needed: number, noun: string): string {
  return `${have} ${noun}${have === 1 ? '' : 's'} (${needed} needed)`;
}

/** Which of the screened patients a page lists. */
export const SCREENING_VIEWS = {
  worklist: 'Eligible, to check and close',
  all: 'All of these, and everyone in the programme',
  eligible: 'Eligible only',
  close: 'Close to eligible',
  programme: 'In the programme',
  offersDue: 'CMR offers due',
} as const;
export type ScreeningView = keyof typeof SCREENING_VIEWS;
export const SCREENING_SORTS = ['result', 'due', 'name', 'diseases', 'drugs', 'cost', 'status'] as const;
export type ScreeningSort = (typeof SCREENING_SORTS)[number];

export const screeningRequest = z
  .object({
    contractYear: year,
    asOf: isoDate('date').optional(),
    view: z
      .enum(Object.keys(SCREENING_VIEWS) as [ScreeningView], { error: 'Choose which patients to show' })
      .default('all'),
    sort: z.enum(SCREENING_SORTS, { error: 'Choose how to sort' }).default('result'),
    ...pageFields,
  })
  .strict();

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
  /** When the plan's drug management programme identified the member as at risk, and how the pharmacy learned it. */
  dmpAtRiskDate: string | null;
  dmpAtRiskSource: DmpSource | null;
  /** While a CMR offer is outstanding: the date it is due (enrolment + CMR_OFFER_DAYS); null otherwise. */
  cmrOfferDueDate: string | null;
}

/** A member whose CMR offer is outstanding, with the date it is due. */
export interface CmrOfferDue {
  patientId: string;
  patient: string;
  dateOfBirth: string;
  contractYear: number;
  /** The enrolment date (or targeting date when no enrolment is recorded) the offer counts from. */
  enrolledDate: string;
  dueDate: string;
  overdue: boolean;
  /** The enrolment's version, for recording the offer. */
  version: number;
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
  /**
   * eligible: meets the criteria or is DMP at-risk; thresholdNotSet: meets the disease and drug tests but the year
   * has no cost threshold; checkCost: the same, but no fill has a cost; close: all but one criterion, nearly.
   */
  result: 'eligible' | 'thresholdNotSet' | 'checkCost' | 'close' | 'notEligible';
  /** The CMS targeting reason code; null while the criteria cannot be judged (cost threshold or cost unknown). */
  targetingReason: TargetingReason | null;
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

/** The screening as the screen shows it: one page (`patients`) of one view, and the CMR offers still due. */
export interface ScreeningPage extends ScreeningResult, Omit<Page<ScreenedPatient>, 'items'> {
  offersDue: number;
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
  z
    .object({
      action: z.literal('dmpAtRisk'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('date the plan identified the member as at risk'),
      source: z.enum(DMP_SOURCES, { error: 'Choose how the plan told you' }),
    })
    .strict(),
  z
    .object({
      action: z.literal('dmpEnded'),
      patientId: idSchema,
      contractYear: year,
      version: z.number().int().min(0),
      date: pastDate('date the at-risk status ended'),
    })
    .strict(),
]);
export type EnrollmentAction = z.output<typeof enrollmentActionRequest>;
