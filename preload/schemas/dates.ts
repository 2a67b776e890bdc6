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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why a date typed in the right shape (YYYY-MM-DD, as parseUsDate gives it) is not on the calendar, said in MM/DD/YYYY
 * ("02/30/1946 is not a real date: February 1946 has 28 days"); null when it is real or not date-shaped at all.
 */
export function impossibleDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const typed = formatIsoDate(iso);
  if (month < 1 || month > 12) return `${typed} is not a real date: the month (first number) is 01 to 12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${typed} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

/** Whole years between a date of birth and an ISO date. */
function yearsBetween(dateOfBirth: string, iso: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = iso.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** Whole years between a date of birth and today at the pharmacy (or the date `on` falls on there). */
export function ageOn(dateOfBirth: string, on: Date = new Date()): number {
  return yearsBetween(dateOfBirth, localIsoDate(on));
}

export const DAY_MS = 86_400_000;

// "Today" is the pharmacy's calendar date, never UTC's: after 7 pm on the East Coast the UTC date is
// already tomorrow. Main sets the zone from the pharmacy's settings when the database opens, the
// screen from the status it reads; until then (and by default) it is the computer's own.
let zone: string | undefined;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The pharmacy's IANA time zone; null or '' means the computer's. */
export function setPharmacyTimeZone(timeZone: string | null | undefined): void {
  zone = timeZone || undefined;
}

export const computerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
export const pharmacyTimeZone = () => zone ?? computerTimeZone();

/** Whether `name` is a time zone this computer knows (e.g. America/New_York). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in the pharmacy's time zone. */
export function localIsoDate(at: Date, timeZone = pharmacyTimeZone()): string {
  let f = formatters.get(timeZone);
  if (!f)
    formatters.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return f.format(at);
}

/** The time of day (HH:MM, 24-hour) of an instant in the pharmacy's time zone. */
export function localHourMinute(at: Date, timeZone = pharmacyTimeZone()): string {
  const key = `${timeZone} time`;
  let f = formatters.get(key);
  if (!f)
    formatters.set(
      key,
      (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    );
  return f.format(at);
}

/** Today as YYYY-MM-DD: the pharmacy's local date. */
export const todayIso = (now: Date = new Date()) => localIsoDate(now);

/** This calendar year at the pharmacy. */
export const thisYear = () => Number(todayIso().slice(0, 4));

/** A stored instant (ISO timestamp) as the pharmacy's MM/DD/YYYY. */
export const formatInstant = (iso: string) => formatIsoDate(localIsoDate(new Date(iso)));

/** A stored instant as the pharmacy's date and time, 11/20/2025 9:05:31 AM: the audit trail's moments. */
export const formatInstantTime = (iso: string) => {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-US', { timeZone: pharmacyTimeZone() });
  return `${formatIsoDate(localIsoDate(at))} ${time}`;
};

/** The ISO date `days` days before an ISO date (UTC, no time-of-day drift). */
export const isoDaysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Age on an ISO date. */
export const ageOnIso = (dateOfBirth: string, iso: string) => yearsBetween(dateOfBirth, iso);
