// Field rules shared by every capability's schemas; the format facts come from resources/reference.
import { z } from 'zod';
import identifiers from '../../resources/reference/identifiers.json';
import usStates from '../../resources/reference/us-states.json';
import { todayIso } from './dates';
import { dateError, isIsoDate, isNotFuture } from './fields';

/** Moved to ./fields (which identifiers builds on); re-exported for existing importers. */
export { isIsoDate };

const MBI_LETTER = `[${[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => !identifiers.mbi.excludedLetters.includes(l)).join('')}]`;
const MBI_PART: Record<string, string> = { C: '[1-9]', N: '[0-9]', A: MBI_LETTER, AN: `(?:${MBI_LETTER}|[0-9])` };
const MBI_PATTERN = new RegExp(`^${identifiers.mbi.positions.map((p) => MBI_PART[p]).join('')}$`);

export const US_STATE_CODES = Object.keys(usStates.states);

/** Strips the dashes and spaces people type or read off the card; MBIs are stored bare and upper-case. */
export function normalizeMbi(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** 1EG4TE5MK73 → 1EG4-TE5-MK73, as printed on the Medicare card. */
export const formatMbi = (mbi: string | null) => (mbi ? `${mbi.slice(0, 4)}-${mbi.slice(4, 7)}-${mbi.slice(7)}` : '');

export function isValidMbi(raw: string): boolean {
  return MBI_PATTERN.test(normalizeMbi(raw));
}

/** The NPI check digit for its first nine digits (Luhn over the 80840 prefix). */
export function npiCheckDigit(nineDigits: string): string {
  const digits = identifiers.npi.luhnPrefix + nineDigits;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidNpi(npi: string): boolean {
  return /^[0-9]{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === npi[9];
}

export function phoneDigits(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

export function formatPhone(digits: string | null | undefined): string {
  if (!digits) return '';
  return digits.length === 10 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}

/** Optional free text: trimmed, and an empty string means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `Use at most ${max} characters`);

export const phoneSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? phoneDigits(v) : undefined))
  .refine((v) => v === undefined || v.length === 10, 'Enter a 10-digit US phone number, for example (555) 123-4567');

export const mbiSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? normalizeMbi(v) : undefined))
  .refine(
    (v) => v === undefined || isValidMbi(v),
    `Enter the 11-character Medicare number from the red-white-and-blue card, for example ${identifiers.mbi.example}`,
  );

export const npiSchema = z
  .string({ error: 'Enter the 10-digit NPI' })
  .trim()
  .refine((v) => /^[0-9]{10}$/.test(v), 'An NPI has exactly 10 digits')
  .refine((v) => isValidNpi(v), 'This NPI fails its check digit: look for a mistyped digit');

export const ncpdpSchema = z
  .string({ error: 'Enter the 7-digit NCPDP (NABP) number' })
  .trim()
  .regex(new RegExp(identifiers.ncpdpProviderId.pattern), 'The NCPDP (NABP) number has exactly 7 digits');

export const stateSchema = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || US_STATE_CODES.includes(v), 'Use the two-letter state code, for example OH');

export const zipSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^[0-9]{5}(-?[0-9]{4})?$/.test(v), 'Enter a 5-digit ZIP code or ZIP+4');

export const dateOfBirthSchema = z
  .string({ error: 'Enter the date of birth' })
  .trim()
  .min(1, 'Enter the date of birth')
  .refine(isIsoDate, dateError('Enter the date of birth as MM/DD/YYYY'))
  .refine(isNotFuture, 'The date of birth cannot be in the future')
  .refine(
    (v) => Number(v.slice(0, 4)) >= Number(todayIso().slice(0, 4)) - 125,
    'Check the year of birth: that would make the patient over 125',
  );

export const addressSchema = z.object({
  line1: optionalText(120),
  line2: optionalText(120),
  city: optionalText(80),
  state: stateSchema,
  zip: zipSchema,
});
export type Address = z.output<typeof addressSchema>;
