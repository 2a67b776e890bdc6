// The review encounter (CMR, TMR, follow-up): its states and what moves it between them.
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
  /** The ingredients the line is about, sorted ("hydrochlorothiazide + lisinopril"). */
  ingredients: string[];
  entries: ReconciliationEntry[];
  status: 'matched' | 'onlyOne' | 'different';
  /** Why the sources disagree, in words. */
  differences: string[];
}
