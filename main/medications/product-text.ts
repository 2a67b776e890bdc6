// What a product description says besides the ingredient, as pharmacists and dispensing systems
// write it ("metoprolol succ ER 25", "HYDROCODONE-APAP 5-325 MG TAB", "Eliquis 5"): strengths in
// order, dose form, salt, release and route. Nothing here guesses an ingredient.
import type { Route } from './sig/parse-sig';

export type MassUnit = 'mg' | 'mcg' | 'g' | 'unit' | 'mEq' | 'IU' | '%';
export interface Strength {
  amount: number;
  unit: MassUnit;
  /** Liquids and injections: the amount is per this many mL ("5 mg/5 mL"). */
  perMl: number | null;
}

const UNIT_WORDS: Record<string, MassUnit> = {
  mg: 'mg',
  mcg: 'mcg',
  ug: 'mcg',
  µg: 'mcg',
  g: 'g',
  gm: 'g',
  unit: 'unit',
  units: 'unit',
  u: 'unit',
  meq: 'mEq',
  iu: 'IU',
  '%': '%',
};

/**
 * "10 mg" → [10 mg]; "5-325 mg" or "5 mg/325 mg" → [5 mg, 325 mg]; "500 mg/5 mL" → [500 mg per 5 mL];
 * "100 unit/mL" → [100 unit per 1 mL]; a bare number ("Eliquis 5") is in `defaultUnit` when given.
 */
export function parseStrengths(text: string, defaultUnit: MassUnit | null = null): Strength[] {
  const s = text.toLowerCase().replace(/,(?=\d{3}\b)/g, '');
  const out: Strength[] = [];
  // Amounts with their unit, each optionally "per N mL"; a run "5-325 mg" shares the trailing unit.
  const re =
    /(\d+(?:\.\d+)?(?:\s*[-/]\s*\d+(?:\.\d+)?)*)\s*(mg|mcg|ug|µg|gm|g|units?|u|meq|iu|%)(?:\s*\/\s*(\d+(?:\.\d+)?)?\s*ml)?(?![a-z])/g;
  for (const m of s.matchAll(re)) {
    const unit = UNIT_WORDS[m[2]!]!;
    const perMl = m[3] !== undefined || /\/\s*ml/.test(m[0]) ? Number(m[3] ?? 1) : null;
    for (const a of m[1]!.split(/\s*[-/]\s*/)) out.push({ amount: Number(a), unit, perMl });
  }
  if (out.length || !defaultUnit) return out;
  // "Eliquis 5", "metoprolol succ ER 25", "ASA 81": numbers after the name, with no unit.
  const bare = /(?:^|\s)(\d+(?:\.\d+)?(?:[-/]\d+(?:\.\d+)?)*)(?=\s|$)/.exec(s);
  return bare ? bare[1]!.split(/[-/]/).map((a) => ({ amount: Number(a), unit: defaultUnit, perMl: null })) : [];
}

/** An amount in mg (mass units), or as it is (units, mEq, IU); null for percentages. */
export function inMg(amount: number, unit: MassUnit): { amount: number; unit: 'mg' | 'unit' | 'mEq' | 'IU' } | null {
  if (unit === 'mg') return { amount, unit: 'mg' };
  if (unit === 'mcg') return { amount: amount / 1000, unit: 'mg' };
  if (unit === 'g') return { amount: amount * 1000, unit: 'mg' };
  if (unit === '%') return null;
  return { amount, unit };
}

const EXTENDED = /\b(er|xr|xl|sr|cr|la|cd|xt|cc|ctd|sa|er24|24\s?hr?|12\s?hr?|extended|sustained|controlled|osmotic)\b/;
const IMMEDIATE = /\b(ir|immediate)\b/;
/** Extended or immediate release when the text says so ("XL", "ER", "IR"); null when it does not. */
export function releaseOf(text: string): 'immediate' | 'extended' | null {
  const s = text.toLowerCase();
  if (EXTENDED.test(s)) return 'extended';
  return IMMEDIATE.test(s) ? 'immediate' : null;
}

const ROUTE_WORDS: [RegExp, Route][] = [
  [/\b(vaginal|vag|intravaginal)\b/, 'vaginal'],
  [/\b(ophthalmic|ophth|opth|eye drops?|eye oint)/, 'ophthalmic'],
  [/\b(otic|ear drops?)\b/, 'otic'],
  [/\b(nasal|nose spray|intranasal)\b/, 'nasal'],
  [
    /\b(inhaler|inhalation|inhal|hfa|mdi|dpi|diskus|ellipta|respimat|handihaler|neb|nebulizer|nebulization|aerosol)\b/,
    'inhaled',
  ],
  [/\b(sublingual|sl)\b/, 'sublingual'],
  [/\b(patch|transdermal|td)\b/, 'transdermal'],
  [/\b(suppository|supp|rectal|enema)\b/, 'rectal'],
  [/\b(cream|ointment|oint|gel|lotion|topical|foam|shampoo|crm)\b/, 'topical'],
  [
    /\b(injection|inj|pen|syringe|vial|subq|sc|autoinjector|prefilled|cartridge|kwikpen|flextouch|solostar)\b/,
    'injection',
  ],
  [
    /\b(tablet|tab|tabs|capsule|cap|caps|oral|solution|suspension|syrup|elixir|liquid|chewable|odt|lozenge|packet|powder|granules)\b/,
    'oral',
  ],
];
/** The route the product name or dose form names; null when neither does. */
export function routeOf(...texts: (string | null | undefined)[]): Route | null {
  const s = texts.filter(Boolean).join(' ').toLowerCase();
  for (const [re, route] of ROUTE_WORDS) if (re.test(s)) return route;
  return null;
}

const FORM_WORDS: [RegExp, string][] = [
  [/\b(odt|orally disintegrating)\b/, 'orally disintegrating tablet'],
  [/\b(chewable|chew)\b/, 'chewable tablet'],
  [/\b(tablet|tab|tabs|tb)\b/, 'tablet'],
  [/\b(capsule|cap|caps)\b/, 'capsule'],
  [/\b(solution|soln|sol)\b/, 'solution'],
  [/\b(suspension|susp)\b/, 'suspension'],
  [/\b(syrup|elixir|liquid)\b/, 'liquid'],
  [/\b(inhaler|hfa|mdi|aerosol)\b/, 'inhaler'],
  [/\b(patch)\b/, 'patch'],
  [/\b(cream|crm)\b/, 'cream'],
  [/\b(ointment|oint)\b/, 'ointment'],
  [/\b(gel)\b/, 'gel'],
  [/\b(drops?|gtt)\b/, 'drops'],
  [/\b(pen|injection|inj|syringe|vial)\b/, 'injection'],
  [/\b(suppository|supp)\b/, 'suppository'],
  [/\b(spray)\b/, 'spray'],
];
/** The dose form a description names ("TAB" → tablet); null when it names none. */
export function formOf(text: string): string | null {
  const s = text.toLowerCase();
  return FORM_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
}

const SALTS = [
  'succinate',
  'tartrate',
  'hydrochloride',
  'hcl',
  'besylate',
  'maleate',
  'mesylate',
  'fumarate',
  'citrate',
  'sulfate',
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'bromide',
  'acetate',
  'phosphate',
  'hyclate',
  'monohydrate',
  'propionate',
  'furoate',
  'xinafoate',
  'bitartrate',
  'medoxomil',
  'cilexetil',
  'erbumine',
  'axetil',
  'carbonate',
  'gluconate',
  'oxalate',
];
const SALT_ABBREVIATIONS: Record<string, string> = { succ: 'succinate', tart: 'tartrate', hcl: 'hydrochloride' };
/** The salt a description names ("metoprolol succ" → succinate); null when none. */
export function saltOf(text: string): string | null {
  for (const w of text.toLowerCase().split(/[^a-z]+/)) {
    if (SALT_ABBREVIATIONS[w]) return SALT_ABBREVIATIONS[w]!;
    if (SALTS.includes(w)) return w;
  }
  return null;
}
