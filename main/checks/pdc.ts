// Proportion of days covered, the PQA way: from the first fill in the period to the period's end;
// at least two fills on different dates; a refill of the same drug before the last ran out starts
// when it does; days covered by different drugs of the class count once; supply past the end is cut.
import { DAY_MS } from '../../preload/schemas/dates';

// A pharmacy's fills fall on a few hundred distinct days: each is parsed once.
const days = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = days.get(iso);
  if (n === undefined) {
    if (days.size > 50_000) days.clear();
    days.set(iso, (n = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)));
  }
  return n;
}

export interface PdcFill {
  /** The drug (ingredient); refills of the same drug shift forward, different drugs do not. */
  drug: string;
  date: string;
  daysSupply: number;
}

export interface PdcResult {
  /** Covered days / days in the measurement period, 0–1; null when there are fewer than two fill dates. */
  pdc: number | null;
  coveredDays: number;
  periodDays: number;
  /** The first fill in the period: the measurement period starts here. */
  indexDate: string | null;
}

/** PDC over the fills between periodStart and periodEnd (ISO dates, inclusive). */
export function proportionOfDaysCovered(fills: PdcFill[], periodStart: string, periodEnd: string): PdcResult {
  const start = dayNumber(periodStart);
  const end = dayNumber(periodEnd);
  // ISO dates sort as strings; a plain comparison is many times cheaper than localeCompare.
  const inPeriod = fills
    .filter((f) => dayNumber(f.date) >= start && dayNumber(f.date) <= end)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates = new Set(inPeriod.map((f) => f.date));
  const indexDate = inPeriod[0]?.date ?? null;
  if (!indexDate || dates.size < 2)
    return { pdc: null, coveredDays: 0, periodDays: indexDate ? end - dayNumber(indexDate) + 1 : 0, indexDate };
  const index = dayNumber(indexDate);
  const periodDays = end - index + 1;
  // One flag per day of the period: the population pass runs this for every patient and class.
  const covered = new Uint8Array(periodDays);
  const nextFree = new Map<string, number>();
  for (const f of inPeriod) {
    const from = Math.max(dayNumber(f.date), nextFree.get(f.drug) ?? -Infinity);
    covered.fill(1, from - index, Math.min(from + f.daysSupply, end + 1) - index);
    nextFree.set(f.drug, from + f.daysSupply);
  }
  const coveredDays = covered.reduce((n, day) => n + day, 0);
  return { pdc: coveredDays / periodDays, coveredDays, periodDays, indexDate };
}
