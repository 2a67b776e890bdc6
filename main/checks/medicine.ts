// One current medicine as the rules see it: the vocabulary entry it is, the ingredients it is made
// of (a combination matches through each), route and release, and how much of each ingredient the
// patient takes a day when the strength and the directions (or a fill's quantity) say so.
import type { MEDICATION_KINDS } from '../../preload/schemas/medications';
import type { Row } from '../db/rows';
import { inMg, parseStrengths, releaseOf, routeOf, type Strength } from '../medications/product-text';
import { parseSig, unitsPerDay, type Route } from '../medications/sig/parse-sig';
import { bundledDrug, classOfIngredient } from '../medications/vocabulary/bundled';

export type DailyUnit = 'mg' | 'unit' | 'mEq' | 'IU';
export interface DailyAmount {
  min: number;
  max: number;
  unit: DailyUnit;
}
export interface Medicine {
  /** The vocabulary entry ("hydrocodone and acetaminophen"), or RxNorm ingredient names joined with " / ". */
  key: string;
  /** As the list or the fill names it. */
  product: string;
  source: 'list' | 'fill';
  parts: { ingredient: string; classCode: string | null }[];
  kind: (typeof MEDICATION_KINDS)[number] | null;
  route: Route | null;
  release: 'immediate' | 'extended' | null;
  /** Taken only as needed ("PRN" in the directions); null when no directions are recorded. */
  asNeeded: boolean | null;
  /** Per ingredient; an ingredient is missing when its daily amount cannot be worked out. */
  daily: Map<string, DailyAmount>;
  /** The list's start date, or the first fill of the last 12 months. */
  since: string | null;
  /** The medication-list entry, for the review to link to. */
  listId: string | null;
  /** What a matcher looks at: the entry, route, release and as-needed; equal signatures match the same rules. */
  signature: string;
}

const signatureOf = (m: Pick<Medicine, 'key' | 'route' | 'release' | 'asNeeded'>) =>
  `${m.key}|${m.route ?? ''}|${m.release ?? ''}|${m.asNeeded ?? ''}`;

const partsCache = new Map<string, Medicine['parts']>();
/** The single ingredients of a key: a bundled combination's entries, RxNorm names split on " / ", or the key itself. */
export function partsOf(key: string): Medicine['parts'] {
  let parts = partsCache.get(key);
  if (!parts) {
    const pieces = key.includes(' / ') ? key.split(' / ') : key.replace(/\s*\([^)]*\)$/, '').split(/, | and /);
    const names = pieces.length > 1 && pieces.every((p) => bundledDrug(p)) ? pieces : [key];
    parts = names.map((ingredient) => ({ ingredient, classCode: classOfIngredient(ingredient) }));
    partsCache.set(key, parts);
  }
  return parts;
}

/**
 * Strengths matched to the ingredients in order ("5-325" of hydrocodone and acetaminophen); null when the counts
 * differ.
 */
function strengthsByPart(parts: Medicine['parts'], strengths: Strength[]): Strength[] | null {
  if (!strengths.length) return null;
  if (strengths.length === parts.length) return strengths;
  return null;
}

const add = (m: Map<string, DailyAmount>, ingredient: string, amount: number, amountMax: number, unit: DailyUnit) =>
  m.set(ingredient, { min: amount, max: amountMax, unit });

/** Daily amounts from a list entry's strength and directions. */
export function dailyFromDirections(
  parts: Medicine['parts'],
  strengthText: string,
  sig: string | null,
  bareUnit: 'mg' | null = 'mg',
): Map<string, DailyAmount> {
  const out = new Map<string, DailyAmount>();
  if (!sig) return out;
  const parsed = parseSig(sig);
  const perDay = unitsPerDay(parsed);
  if (!perDay) return out;
  // "Take 500 mg twice a day": the directions give the amount itself (one ingredient only).
  const sigUnit = parsed.unit?.amount;
  if (sigUnit && sigUnit !== 'mL' && parts.length === 1) {
    const lo = inMg(perDay.min, sigUnit as Strength['unit']),
      hi = inMg(perDay.max, sigUnit as Strength['unit']);
    if (lo && hi) add(out, parts[0]!.ingredient, lo.amount, hi.amount, lo.unit);
    return out;
  }
  const strengths = strengthsByPart(parts, parseStrengths(strengthText, bareUnit));
  if (!strengths) return out;
  strengths.forEach((s, i) => {
    const per = inMg(s.amount, s.unit);
    if (!per) return;
    // A liquid's strength is per mL; directions in mL give the volume, in doses give nothing certain.
    if (s.perMl !== null) {
      if (sigUnit !== 'mL') return;
      add(
        out,
        parts[i]!.ingredient,
        (per.amount / s.perMl) * perDay.min,
        (per.amount / s.perMl) * perDay.max,
        per.unit,
      );
    } else if (!sigUnit) add(out, parts[i]!.ingredient, per.amount * perDay.min, per.amount * perDay.max, per.unit);
  });
  return out;
}

/** Daily amounts from a fill of tablets or capsules: strength × quantity ÷ days' supply. */
export function dailyFromFill(
  parts: Medicine['parts'],
  drugName: string,
  quantity: number,
  daysSupply: number,
): Map<string, DailyAmount> {
  const out = new Map<string, DailyAmount>();
  if (
    !(daysSupply > 0) ||
    !(quantity > 0) ||
    routeOf(drugName) !== 'oral' ||
    /\b(sol|solution|susp|suspension|syrup|elixir|liquid|ml)\b/i.test(drugName)
  )
    return out;
  const strengths = strengthsByPart(parts, parseStrengths(drugName));
  strengths?.forEach((s, i) => {
    const per = inMg(s.amount, s.unit);
    if (per && s.perMl === null)
      add(
        out,
        parts[i]!.ingredient,
        (per.amount * quantity) / daysSupply,
        (per.amount * quantity) / daysSupply,
        per.unit,
      );
  });
  return out;
}

/** A medication list entry as the checks read it. */
export type ListRow = Pick<
  Row<'patient_medications'>,
  'id' | 'product' | 'strength' | 'dose_form' | 'sig' | 'start_date'
> & { kind: Medicine['kind'] };

// What a list entry's text says is the same wherever it recurs ("lisinopril 10 mg", "1 po daily"):
// read once per distinct text, then shared (never changed) by every patient's entry.
type Reading = Omit<Medicine, 'product' | 'since' | 'listId'>;
const readings = new Map<string, Reading>();

export function listMedicine(key: string, row: ListRow): Medicine {
  const k = `${key}\u0000${row.product}\u0000${row.kind ?? ''}\u0000${row.strength ?? ''}\u0000${row.dose_form ?? ''}\u0000${row.sig ?? ''}`;
  let reading = readings.get(k);
  if (!reading) {
    if (readings.size > 50_000) readings.clear();
    const { product: _p, since: _s, listId: _l, ...read } = readListEntry(key, row);
    readings.set(k, (reading = read));
  }
  return { ...reading, product: row.product, since: row.start_date, listId: row.id };
}

function readListEntry(key: string, row: ListRow): Medicine {
  const parts = partsOf(key);
  const text = [row.product, row.strength, row.dose_form].filter(Boolean).join(' ');
  const sig = row.sig ? parseSig(row.sig) : null;
  const kind = row.kind ?? bundledDrug(key)?.kind ?? null;
  const route = sig?.route?.route ?? routeOf(row.product, row.dose_form);
  const release = releaseOf(text);
  const asNeeded = sig ? sig.prn : null;
  return {
    key,
    product: row.product,
    source: 'list',
    parts,
    kind,
    route,
    release,
    asNeeded,
    // A bare number is milligrams on a prescription ("Eliquis 5"), not on a supplement ("vit D3 2000").
    daily: dailyFromDirections(
      parts,
      row.strength ?? row.product,
      row.sig,
      kind === 'rx' || kind === 'otc' ? 'mg' : null,
    ),
    since: row.start_date,
    listId: row.id,
    signature: signatureOf({ key, route, release, asNeeded }),
  };
}

export function fillMedicine(
  key: string,
  drugName: string | null,
  quantity: number,
  daysSupply: number,
  firstFill: string,
): Medicine {
  const parts = partsOf(key);
  const name = drugName ?? key;
  const route = routeOf(name);
  const release = releaseOf(name);
  return {
    key,
    product: name,
    source: 'fill',
    parts,
    kind: bundledDrug(key)?.kind ?? null,
    route,
    release,
    asNeeded: null,
    daily: dailyFromFill(parts, name, quantity, daysSupply),
    since: firstFill,
    listId: null,
    signature: signatureOf({ key, route, release, asNeeded: null }),
  };
}

/** The ingredient names of a medicine, for titles and fingerprints. */
export const ingredientsOf = (m: Medicine) => m.parts.map((p) => p.ingredient);
