// The review encounter (CMR, TMR, follow-up): its states and what moves it between them.
import { z } from 'zod';
import { CMR_OFFER_METHODS } from './eligibility';
import { isIsoDate, optionalText } from './identifiers';
import { MEDICATION_SOURCES } from './medications';

export const REVIEW_TYPES = ['cmr', 'tmr', 'followUp'] as const;
export const REVIEW_TYPE_LABELS: Record<(typeof REVIEW_TYPES)[number], string> = { cmr: 'Comprehensive medication review (CMR)', tmr: 'Targeted medication review (TMR)', followUp: 'Follow-up / targeted intervention' };

export const REVIEW_STATUSES = ['draft', 'inProgress', 'awaitingPrescriber', 'completed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', inProgress: 'In progress', awaitingPrescriber: 'Awaiting prescriber', completed: 'Completed' };

export const REVIEW_ACTIONS = ['start', 'awaitPrescriber', 'resume', 'complete'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Where a medication-list entry came from; fills are the pharmacy's own dispensing record. */
export type ReconciliationSource = (typeof MEDICATION_SOURCES)[number];

export interface ReconciliationEntry {
  source: ReconciliationSource;
  product: string;
  rxcui?: string | null;
  strength?: string | null;
  sig?: string | null;
}

export interface ReconciliationLine {
  /** Stable for the same ingredients (or the same unrecognised product) across visits. */
  key: string;
  /** The ingredients the line is about, sorted ("hydrochlorothiazide + lisinopril"). */
  ingredients: string[];
  entries: ReconciliationEntry[];
  status: 'matched' | 'onlyOne' | 'different';
  /** Why the sources disagree, in words. */
  differences: string[];
}

export const DELIVERY_METHODS = ['inPerson', 'telephone', 'video'] as const;
export const DELIVERY_LABELS: Record<(typeof DELIVERY_METHODS)[number], string> = { inPerson: 'In person', telephone: 'Telephone', video: 'Video' };
/** How the pharmacist settles a reconciliation line with the patient. */
export const RESOLUTIONS = ['asListed', 'differently', 'notTaking', 'stopped'] as const;
export const RESOLUTION_LABELS: Record<(typeof RESOLUTIONS)[number], string> = { asListed: 'Taking as listed', differently: 'Taking differently', notTaking: 'Not taking', stopped: 'Stopped' };

const idSchema = z.uuid({ error: 'Not a valid record id' });
const version = z.number().int().positive();
const today = () => new Date().toISOString().slice(0, 10);
const pastDate = (label: string) =>
  z.string().trim().refine(isIsoDate, `Enter the ${label} as MM/DD/YYYY`).refine((v) => v <= today(), `The ${label} cannot be in the future`).nullable();

export const reviewCreateRequest = z.object({ patientId: idSchema, type: z.enum(REVIEW_TYPES, { error: 'Choose CMR, TMR or follow-up' }) }).strict();
export const reviewIdRequest = z.object({ id: idSchema }).strict();
export const patientReviewsRequest = z.object({ patientId: idSchema }).strict();

export interface ReviewSummary {
  id: string;
  type: (typeof REVIEW_TYPES)[number];
  status: ReviewStatus;
  pharmacist: string;
  createdAt: string;
  completedAt: string | null;
}
export const reviewUpdateRequest = z
  .object({
    id: idSchema,
    version,
    changes: z
      .object({
        deliveryMethod: z.enum(DELIVERY_METHODS, { error: 'Choose in person, telephone or video' }).nullable(),
        caregiverName: optionalText(120).nullable(),
        caregiverRelationship: optionalText(60).nullable(),
        cognitiveImpairment: z.boolean(),
        cmrOfferedDate: pastDate('date the CMR was offered'),
        cmrOfferedMethod: z.enum(CMR_OFFER_METHODS).nullable(),
        cmrDate: pastDate('CMR date'),
        summarySentDate: pastDate('date the written summary was sent'),
        concerns: optionalText(2000).nullable(),
        currentStep: z.number().int().min(1).max(5),
      })
      .partial()
      .strict(),
  })
  .strict();
export const reviewActRequest = z.object({ id: idSchema, version, action: z.enum(REVIEW_ACTIONS) }).strict();
export const reviewTimerRequest = z
  .object({ id: idSchema, version, timer: z.union([z.enum(['start', 'pause']), z.object({ correctMinutes: z.number().int().min(0, 'Minutes cannot be negative').max(600, 'More than 10 hours? Check the time') }).strict()]) })
  .strict();
export const reconcileLineRequest = z
  .object({ id: idSchema, version, lineKey: z.string().min(1).max(300), resolution: z.enum(RESOLUTIONS, { error: 'Choose how the patient takes it' }), note: optionalText(300) })
  .strict();

export interface ReviewLine extends ReconciliationLine {
  resolution: (typeof RESOLUTIONS)[number] | null;
  note: string | null;
}

export interface Review {
  id: string;
  patientId: string;
  type: (typeof REVIEW_TYPES)[number];
  status: ReviewStatus;
  pharmacist: string;
  deliveryMethod: (typeof DELIVERY_METHODS)[number] | null;
  caregiverName: string | null;
  caregiverRelationship: string | null;
  cognitiveImpairment: boolean;
  cmrOfferedDate: string | null;
  cmrOfferedMethod: (typeof CMR_OFFER_METHODS)[number] | null;
  cmrDate: string | null;
  summarySentDate: string | null;
  concerns: string | null;
  currentStep: number;
  /** Seconds counted so far, and when the running timer was started (null when paused). */
  timer: { seconds: number; runningSince: string | null };
  reconciliation: ReviewLine[];
  allowedActions: ReviewAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
