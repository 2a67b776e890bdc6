// A rule's patient context (`when`): age, conditions, other medicines, labs and kidney estimates.
// A fact the record does not hold is never guessed: the part fails (or, for "at most N criteria",
// counts as holding) and the reason is noted as not checked.
import type { FactBound, When } from '../../preload/schemas/checks';
import type { Picture } from './clinical-picture';
import type { Knowledge } from './knowledge-base';
import type { NotChecked } from './not-checked';

const FACT_LABELS: Record<FactBound['fact'], string> = {
  age: 'age',
  scr: 'serum creatinine',
  weight: 'weight',
  potassium: 'potassium',
  sodium: 'sodium',
  inr: 'INR',
  a1c: 'A1C',
  heartRate: 'heart rate',
  crcl: 'creatinine clearance',
  egfr: 'eGFR',
};

export function factValue(p: Picture, fact: FactBound['fact']): number | null {
  if (fact === 'age') return p.age;
  if (fact === 'crcl') return p.kidney.crcl;
  if (fact === 'egfr') return p.kidney.egfr;
  return p.labs[fact]?.value ?? null;
}

const holds = (b: FactBound, v: number) => (b.min !== undefined ? v >= b.min : v <= b.max!);

/** A rule about a lab value is an extra; dose criteria that need the fact are a gap. */
function noteMissing(nc: NotChecked, fact: FactBound['fact'], about: string, level: 'gap' | 'extra') {
  const text =
    level === 'gap'
      ? `No ${FACT_LABELS[fact]} on record for the last 12 months, so these criteria were checked without it for`
      : `With a recent ${FACT_LABELS[fact]}, more could be checked for`;
  nc.add(`fact:${fact}:${level}`, text, [about], level);
}

export function whenHolds(w: When, p: Picture, k: Knowledge, nc: NotChecked, about: string): boolean {
  if (w.minAge !== undefined && p.age < w.minAge) return false;
  if (w.conditions && !w.conditions.some((c) => p.conditionGroups.has(c))) return false;
  if (w.unlessConditions?.some((c) => p.conditionGroups.has(c))) return false;
  if (w.taking && !p.medicines.some((d) => k.matchers.matches(w.taking!, d))) return false;
  if (w.unless && [...p.medicines, ...p.pastMedicines].some((d) => k.matchers.matches(w.unless!, d))) return false;
  for (const b of w.facts ?? []) {
    const v = factValue(p, b.fact);
    if (v === null) {
      noteMissing(nc, b.fact, about, 'extra');
      return false;
    }
    if (!holds(b, v)) return false;
  }
  if (w.criteria) {
    let met = 0;
    for (const b of w.criteria.of) {
      const v = factValue(p, b.fact);
      if (v === null) {
        noteMissing(nc, b.fact, about, 'gap');
        // Unknown: not met for "at least", met for "at most" — neither fires on a guess.
        if (w.criteria.atMost !== undefined) met++;
      } else if (holds(b, v)) met++;
    }
    if (w.criteria.atLeast !== undefined ? met < w.criteria.atLeast : met > w.criteria.atMost!) return false;
  }
  return true;
}

export const describeFact = (b: FactBound) =>
  `${FACT_LABELS[b.fact]} ${b.min !== undefined ? `≥ ${b.min}` : `≤ ${b.max}`}`;
