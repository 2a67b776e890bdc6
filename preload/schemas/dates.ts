// US-style dates at the counter (MM/DD/YYYY), ISO (YYYY-MM-DD) everywhere else.

/** 1950-03-14 → 03/14/1950 */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/**
 * Reads what people type for a date: 03/14/1950, 3-14-1950, 03141950 or 1950-03-14.
 * Returns YYYY-MM-DD (not yet checked to be a real date), or null if it is not date-shaped.
 */
export function parseUsDate(input: string): string | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return null;
}

/** Whole years between a date of birth and today (or `on`). */
export function ageOn(dateOfBirth: string, on: Date = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = on.getFullYear() - y;
  if (on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d)) age--;
  return age;
}

export const DAY_MS = 86_400_000;

/** Today as YYYY-MM-DD (UTC, like every stored date). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** The ISO date `days` days before an ISO date (UTC, no time-of-day drift). */
export const isoDaysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Age on an ISO date. */
export const ageOnIso = (dateOfBirth: string, iso: string) => ageOn(dateOfBirth, new Date(`${iso}T12:00:00Z`));
