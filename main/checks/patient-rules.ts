// Rules about one medicine in this patient: at this age (older adults), with this condition
// (disease–drug), at this daily dose, at this kidney function.
import type { DoseAmount } from '../../preload/schemas/checks';
import { DAY_MS } from '../../preload/schemas/dates';
import type { Picture } from './clinical-picture';
import { conditionGroupName } from './condition-groups';
import { findingFor, type RawFinding } from './engine';
import type { Knowledge, LoadedRule } from './knowledge-base';
import type { DailyAmount, Medicine } from './medicine';
import type { NotChecked } from './not-checked';
import { whenHolds } from './when';

type Of<F extends LoadedRule['family']> = Extract<LoadedRule, { family: F }>;

const inMg = (a: DoseAmount) =>
  a.unit === 'mcg'
    ? { amount: a.amount / 1000, unit: 'mg' }
    : a.unit === 'g'
      ? { amount: a.amount * 1000, unit: 'mg' }
      : a;
const fmt = (n: number) => (n >= 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n * 1000) / 1000));
export const amountText = (a: { amount: number; unit: string }) => `${fmt(a.amount)} ${a.unit}`;

/**
 * The patient's daily amount of an ingredient, summed over every current product that contains it;
 * null (and the products named) when any of them lacks strength or directions.
 */
export function dailyTotal(p: Picture, ingredient: string): { total: DailyAmount | null; unknown: Medicine[] } {
  const holders = p.medicines.filter((m) => m.parts.some((x) => x.ingredient === ingredient));
  const unknown = holders.filter((m) => !m.daily.has(ingredient));
  if (unknown.length || !holders.length) return { total: null, unknown };
  const amounts = holders.map((m) => m.daily.get(ingredient)!);
  if (new Set(amounts.map((a) => a.unit)).size > 1) return { total: null, unknown: holders };
  return {
    total: {
      min: amounts.reduce((s, a) => s + a.min, 0),
      max: amounts.reduce((s, a) => s + a.max, 0),
      unit: amounts[0]!.unit,
    },
    unknown: [],
  };
}

function noteDoseUnknown(nc: NotChecked, meds: Medicine[]) {
  nc.add(
    'dose-unknown',
    'Strength or directions not recorded, so the dose checks did not run for',
    meds.map((m) => m.product),
  );
}

/** Days since the medicine was started, from the list's start date or its first fill of the year. */
const daysTaken = (m: Medicine, today: string) =>
  m.since ? Math.floor((Date.parse(today) - Date.parse(m.since)) / DAY_MS) : null;

function olderAdult(rule: Of<'olderAdult'>, p: Picture, k: Knowledge, nc: NotChecked): RawFinding[] {
  if (p.age < rule.minAge) return [];
  let involved = k.matchers.matching(rule.match, p.medicines);
  if (!involved.length) return [];
  if (rule.unless && [...p.medicines, ...p.pastMedicines].some((d) => k.matchers.matches(rule.unless!, d))) return [];
  if (rule.when && !whenHolds(rule.when, p, k, nc, involved[0]!.key)) return [];
  if (rule.minDays !== undefined)
    involved = involved.filter((d) => (daysTaken(d, p.today) ?? Infinity) > rule.minDays!);
  let title = `${[...new Set(involved.map((d) => d.key))].join(' + ')} at age ${p.age}`;
  if (rule.doseAbove) {
    const limit = inMg(rule.doseAbove);
    const over: Medicine[] = [];
    for (const d of involved) {
      const [ingredient] = k.matchers.matchingParts(rule.match, d);
      const { total, unknown } = dailyTotal(p, ingredient!);
      if (!total) noteDoseUnknown(nc, unknown);
      else if (total.unit === limit.unit && total.max > limit.amount) {
        over.push(d);
        title = `${ingredient} ${amountText({ amount: total.max, unit: total.unit })} a day at age ${p.age} (more than ${amountText(rule.doseAbove)})`;
      }
    }
    involved = over;
  }
  return involved.length ? [findingFor(rule, involved, title)] : [];
}

function diseaseDrug(rule: Of<'diseaseDrug'>, p: Picture, k: Knowledge, nc: NotChecked): RawFinding[] {
  const conditions = rule.conditions.filter((c) => p.conditionGroups.has(c));
  if (!conditions.length) return [];
  const involved = k.matchers.matching(rule.match, p.medicines);
  if (!involved.length || (rule.when && !whenHolds(rule.when, p, k, nc, involved[0]!.key))) return [];
  const names = [...new Set(involved.map((d) => d.key))].join(' + ');
  return [
    findingFor(rule, involved, `${names} with ${conditions.map(conditionGroupName).join(' and ').toLowerCase()}`),
  ];
}

function dose(rule: Of<'dose'>, p: Picture, k: Knowledge, nc: NotChecked): RawFinding[] {
  const involved = k.matchers.matching(rule.match, p.medicines);
  if (!involved.length || (rule.when && !whenHolds(rule.when, p, k, nc, involved[0]!.key))) return [];
  const ingredients = [...new Set(involved.flatMap((d) => k.matchers.matchingParts(rule.match, d)))];
  const out: RawFinding[] = [];
  for (const ingredient of ingredients) {
    const { total, unknown } = dailyTotal(p, ingredient);
    if (!total) {
      noteDoseUnknown(nc, unknown);
      continue;
    }
    const holders = p.medicines.filter((m) => m.parts.some((x) => x.ingredient === ingredient));
    const limit = inMg((rule.maxDaily ?? rule.minDaily)!);
    if (total.unit !== limit.unit) continue;
    const taken = amountText({ amount: rule.maxDaily ? total.max : total.min, unit: total.unit });
    if (rule.maxDaily && total.max > limit.amount)
      out.push(findingFor(rule, holders, `${ingredient} up to ${taken} a day: more than ${amountText(rule.maxDaily)}`));
    // An as-needed medicine may be taken less: an under-dose is judged on the scheduled amount only.
    if (rule.minDaily && total.min > 0 && total.min < limit.amount)
      out.push(findingFor(rule, holders, `${ingredient} ${taken} a day: less than ${amountText(rule.minDaily)}`));
  }
  return out;
}

function renal(rule: Of<'renal'>, p: Picture, k: Knowledge, nc: NotChecked): RawFinding[] {
  const involved = k.matchers.matching(rule.match, p.medicines);
  if (!involved.length) return [];
  const names = [...new Set(involved.map((d) => d.key))];
  let value = rule.measure === 'crcl' ? p.kidney.crcl : p.kidney.egfr;
  let label = rule.measure === 'crcl' ? `creatinine clearance ${value} mL/min` : `eGFR ${value} mL/min/1.73 m²`;
  let caveat = '';
  if (value === null && rule.measure === 'crcl' && p.kidney.egfr !== null) {
    // Without a weight there is no Cockcroft–Gault estimate; the eGFR stands in, and the panel says so.
    value = p.kidney.egfr;
    label = `eGFR ${value} mL/min/1.73 m² (no weight: creatinine clearance not computed)`;
    caveat =
      ' The label’s threshold is a creatinine clearance; with no weight on record the eGFR was used instead — record a weight to confirm.';
    nc.add(
      'crcl-from-egfr',
      'No weight on record, so creatinine clearance thresholds were compared with the eGFR for',
      names,
    );
  }
  if (value === null) {
    nc.add('no-kidney', 'No serum creatinine in the last 12 months, so kidney dosing was not checked for', names);
    return [];
  }
  const low = rule.below !== undefined ? value < rule.below : value <= rule.atOrBelow!;
  if (!low || (rule.from !== undefined && value < rule.from)) return [];
  if (rule.when && !whenHolds(rule.when, p, k, nc, names[0]!)) return [];
  let doseNote = '';
  if (rule.maxDaily) {
    const limit = inMg(rule.maxDaily);
    const totals = [...new Set(involved.flatMap((d) => k.matchers.matchingParts(rule.match, d)))].map((i) => ({
      i,
      ...dailyTotal(p, i),
    }));
    // Within the band's maximum: nothing to do. Above it, or not known: the pharmacist checks.
    if (totals.every((t) => t.total && t.total.unit === limit.unit && t.total.max <= limit.amount)) return [];
    const known = totals.find((t) => t.total);
    doseNote = known?.total
      ? ` Current dose up to ${amountText({ amount: known.total.max, unit: known.total.unit })} a day; at this kidney function the label's maximum is ${amountText(rule.maxDaily)} a day.`
      : ` The daily dose is not recorded; at this kidney function the label's maximum is ${amountText(rule.maxDaily)} a day.`;
  }
  const f = findingFor(rule, involved, `${names.join(' + ')}: ${label}`);
  return [
    {
      ...f,
      explanation: `${f.explanation} This patient: ${label}${p.kidney.scrDate ? ` (serum creatinine of ${p.kidney.scrDate})` : ''}.${doseNote}${caveat}`,
    },
  ];
}

export function patientRuleFindings(
  rules: readonly LoadedRule[],
  p: Picture,
  k: Knowledge,
  nc: NotChecked,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of rules) {
    if (r.family === 'olderAdult') out.push(...olderAdult(r, p, k, nc));
    else if (r.family === 'diseaseDrug') out.push(...diseaseDrug(r, p, k, nc));
    else if (r.family === 'dose') out.push(...dose(r, p, k, nc));
    else if (r.family === 'renal') out.push(...renal(r, p, k, nc));
  }
  return out;
}
