// Proportion of days covered, the PQA way: from the first fill in the period to the period's end;
// at least two fills on different dates; a refill of the same drug before the last ran out starts
// when it does; days covered by different drugs of the class count once; supply past the end is cut.
const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

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
  const inPeriod = fills.filter((f) => dayNumber(f.date) >= start && dayNumber(f.date) <= end).sort((a, b) => a.date.localeCompare(b.date));
  const dates = new Set(inPeriod.map((f) => f.date));
  const indexDate = inPeriod[0]?.date ?? null;
  if (!indexDate || dates.size < 2) return { pdc: null, coveredDays: 0, periodDays: indexDate ? end - dayNumber(indexDate) + 1 : 0, indexDate };
  const index = dayNumber(indexDate);
  const covered = new Set<number>();
  const nextFree = new Map<string, number>();
  for (const f of inPeriod) {
    const from = Math.max(dayNumber(f.date), nextFree.get(f.drug) ?? -Infinity);
    for (let d = from; d < from + f.daysSupply && d <= end; d++) covered.add(d);
    nextFree.set(f.drug, from + f.daysSupply);
  }
  const periodDays = end - index + 1;
  return { pdc: covered.size / periodDays, coveredDays: covered.size, periodDays, indexDate };
}
