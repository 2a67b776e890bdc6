// The adherence programme: a patient's PDC and refill timeline, the outreach worklist, and the
// outreach log.
import { z } from 'zod';
import { idSchema, pastDate } from './fields';
import { optionalText } from './identifiers';
import { pageFields, type Page } from './paging';

export const OUTREACH_METHODS = ['phone', 'text', 'inPerson', 'mail'] as const;
export const OUTREACH_METHOD_LABELS: Record<(typeof OUTREACH_METHODS)[number], string> = {
  phone: 'Phone call',
  text: 'Text message',
  inPerson: 'In person',
  mail: 'Letter',
};
export const OUTREACH_RESULTS = ['reached', 'leftMessage', 'unableAfterThree', 'refused'] as const;
export const OUTREACH_RESULT_LABELS: Record<(typeof OUTREACH_RESULTS)[number], string> = {
  reached: 'Reached',
  leftMessage: 'Left a message',
  unableAfterThree: 'Unable to reach after three attempts',
  refused: 'Refused',
};
export const OUTREACH_INTERVENTIONS = [
  'none',
  'education',
  'ninetyDay',
  'synchronization',
  'reminder',
  'prescriberContact',
] as const;
export const OUTREACH_INTERVENTION_LABELS: Record<(typeof OUTREACH_INTERVENTIONS)[number], string> = {
  none: 'None yet',
  education: 'Education',
  ninetyDay: '90-day supply conversion',
  synchronization: 'Refill synchronization',
  reminder: 'Reminder set up',
  prescriberContact: 'Prescriber contacted',
};

/** The PQA Star measures' names, as the pharmacy knows them (rule ids from resources/knowledge/adherence.json). */
export const STAR_MEASURE_LABELS: Record<string, string> = {
  'pdc.diabetes': 'Diabetes medicines (non-insulin)',
  'pdc.ras': 'RAS antagonists',
  'pdc.statin': 'Statins',
};

export const patientAdherenceRequest = z
  .object({ patientId: idSchema, months: z.union([z.literal(3), z.literal(6), z.literal(12)]).default(12) })
  .strict();

export interface PatientAdherence {
  period: { start: string; end: string };
  /** The PQA Star measures: PDC over the period, null when not measured (fewer than two fills, or excluded). */
  measures: { ruleId: string; label: string; pdc: number | null; threshold: number }[];
  drugs: { drug: string; pdc: number | null; fills: { date: string; daysSupply: number }[]; daysLate: number | null }[];
}

/**
 * A PDC as the reason a patient is below threshold: one decimal, cut (never rounded) so 79.96% reads "79.9%", not
 * "80.0%" — a figure below 80% never shows as 80%.
 */
export const formatPdc = (pdc: number): string => `${(Math.floor(pdc * 1000 + 1e-9) / 10).toFixed(1)}%`;

export const worklistRequest = z
  .object({
    lateDays: z.number().int().min(1, 'At least one day late').max(90, 'At most 90 days').optional(),
    /** Only patients not yet settled (reached, refused, or three failed attempts) in the last 30 days. */
    onlyDue: z.boolean().default(false),
    ...pageFields,
  })
  .strict();

export interface AdherenceWorklistEntry {
  patientId: string;
  name: string;
  dateOfBirth: string;
  phone: string | null;
  reasons: string[];
  attempts: number;
  lastOutreach: { date: string; result: (typeof OUTREACH_RESULTS)[number] } | null;
  /** On the list and not settled (reached, refused, or three failed attempts) in the last 30 days. */
  due: boolean;
}

/** A page of the worklist, ranked: most Star measures below threshold, then most days late, then lowest PDC. */
export interface AdherenceWorklist extends Page<AdherenceWorklistEntry> {
  lateDays: number;
  /** Figures of an earlier day shown while today's are worked out in the background (Today's first visit of a day). */
  updating: boolean;
  elapsedMs: number;
}

export const outreachLogRequest = z
  .object({
    patientId: idSchema,
    attemptedOn: pastDate('date of the attempt', { future: 'The attempt cannot be in the future' }),
    method: z.enum(OUTREACH_METHODS, { error: 'Choose how you reached out' }),
    result: z.enum(OUTREACH_RESULTS, { error: 'Choose the result' }),
    intervention: z.enum(OUTREACH_INTERVENTIONS, { error: 'Choose the intervention' }).default('none'),
    note: optionalText(500),
  })
  .strict();
export const outreachHistoryRequest = z.object({ patientId: idSchema }).strict();

export interface OutreachAttempt {
  id: string;
  attemptedOn: string;
  method: (typeof OUTREACH_METHODS)[number];
  result: (typeof OUTREACH_RESULTS)[number];
  intervention: (typeof OUTREACH_INTERVENTIONS)[number];
  note: string | null;
  by: string;
}
