// Field schemas every capability's requests share: record ids, versions, dates and money.
// Imports nothing but zod and ./dates, so any schema file (identifiers.ts included) can use it.
import { z } from 'zod';
import { impossibleDate, todayIso } from './dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** True unless the ISO date is after the pharmacy's today (todayIso, never the bare UTC date). */
export const isNotFuture = (iso: string) => iso <= todayIso();

/** A date refinement's error: the format message, or why a well-shaped date is not on the calendar (02/30/1946). */
export const dateError = (format: string) => ({
  error: (iss: { input?: unknown }) => (typeof iss.input === 'string' && impossibleDate(iss.input)) || format,
});

/** A stored record's id. */
export const idSchema = z.uuid({ error: 'Not a valid record id' });

/** The version a client last saw, for optimistic locking. */
export const versionSchema = z.number().int().positive();

/** A record's version and its last save, by whom: enough for a screen to tell whether it is still current. */
export interface RecordVersion {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Overrides for a date field's messages, for the few fields whose wording predates these helpers. */
export interface DateMessages {
  /** When the value is missing or not a string; default `Enter the ${label}`. */
  missing?: string;
  /** When it is not a real YYYY-MM-DD date; default `Enter the ${label} as MM/DD/YYYY`. */
  format?: string;
  /** When it is after today (pastDate only); default `The ${label} cannot be in the future`. */
  future?: string;
}

/** A required calendar date, YYYY-MM-DD (the screens turn MM/DD/YYYY into it). */
export const isoDate = (label: string, messages: DateMessages = {}) =>
  z
    .string({ error: messages.missing ?? `Enter the ${label}` })
    .trim()
    .refine(isIsoDate, dateError(messages.format ?? `Enter the ${label} as MM/DD/YYYY`));

/** A required calendar date that is today or earlier. */
export const pastDate = (label: string, messages: DateMessages = {}) =>
  isoDate(label, messages).refine(isNotFuture, messages.future ?? `The ${label} cannot be in the future`);

/** An optional calendar date: an empty string means "not given". */
export const optionalIsoDate = (label: string, messages: Omit<DateMessages, 'missing' | 'future'> = {}) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isIsoDate(v), dateError(messages.format ?? `Enter the ${label} as MM/DD/YYYY`));

/** An optional calendar date that, when given, is today or earlier. */
export const optionalPastDate = (label: string, messages: Omit<DateMessages, 'missing'> = {}) =>
  optionalIsoDate(label, messages).refine(
    (v) => v === undefined || isNotFuture(v),
    messages.future ?? `The ${label} cannot be in the future`,
  );

/** A fee typed in dollars (0 to $10,000), kept as whole cents. */
export const moneyCents = (label: string) =>
  z
    .number({ error: `Enter the fee for ${label}` })
    .min(0, 'A fee cannot be negative')
    .max(10000, 'Check the fee: more than $10,000')
    .transform((v) => Math.round(v * 100));

/** A payment received, in dollars (0 to $100,000); main turns it into cents when it records it. */
export const paidAmountSchema = z.number().min(0).max(100000);
