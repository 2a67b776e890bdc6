// The owner's reports over a date range: programme, clinical, adherence, billing and time.
import { z } from 'zod';
import type { ClaimStatus } from './billing';
import { isoDate } from './fields';

export const reportRequest = z
  .object({ from: isoDate('first date'), to: isoDate('last date') })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The last date cannot be before the first' });

export interface Share {
  measured: number;
  atGoal: number;
  /** atGoal / measured, or null when nobody was measured. */
  share: number | null;
}

export interface ReportSummary {
  period: { from: string; to: string };
  /**
   * Patients enrolled in the programme in the period, CMRs offered and completed, enrolled patients who received one,
   * and the completion rate: those ÷ the enrolled.
   */
  cmr: { enrolled: number; offered: number; completed: number; enrolledWithCmr: number; rate: number | null };
  tmrByQuarter: { quarter: string; tmrs: number; enrolled: number; perEnrolled: number | null }[];
  programme: { contract: string; targeted: number; enrolled: number; optedOut: number }[];
  problems: { category: string; severity: string; count: number }[];
  outcomes: { outcome: string; count: number }[];
  prescribers: { prescriber: string; sent: number; answered: number; changed: number; rate: number | null }[];
  adherence: { ruleId: string; label: string; now: Share; prior: Share }[];
  claimsByStatus: { status: ClaimStatus; count: number; billedCents: number; paidCents: number }[];
  denials: { reason: string; count: number }[];
  revenueByMonth: { month: string; billedCents: number; paidCents: number }[];
  timeByType: { type: string; reviews: number; minutes: number; average: number | null }[];
  elapsedMs: number;
}
