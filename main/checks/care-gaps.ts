// Care-gap rules: who the rule is about (diseases or ICD codes, age, prior fills), then either a
// therapy they lack or a drug they fill too often, over the last 12 months.
import type { EntityManager } from 'typeorm';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { ageOnIso, isoDaysBefore } from '../../preload/schemas/dates';
import { bundledDrug } from '../medications/vocabulary/bundled';
import { findingFor, matches, type ActiveDrug, type RawFinding } from './engine';
import type { LoadedRule } from './knowledge-base';

type Q = Pick<EntityManager, 'query'>;
type GapRule = Extract<LoadedRule, { family: 'missingTherapy' | 'overuse' }>;

export interface Context {
  age: number | null;
  codes: string[];
  diseases: Set<string>;
  /** Fills of the last 12 months, one per drug and date. */
  fills: ActiveDrug[];
  /** What the patient takes now (list and current fills). */
  current: ActiveDrug[];
}

export async function careGapContext(q: Q, patientId: string, current: ActiveDrug[], today: string): Promise<Context> {
  const [p] = (await q.query('SELECT date_of_birth FROM patients WHERE id = ?', [patientId])) as { date_of_birth: string }[];
  const codes = ((await q.query('SELECT code FROM patient_conditions WHERE patient_id = ? AND resolved_on IS NULL', [patientId])) as { code: string }[]).map((c) => c.code);
  const since = isoDaysBefore(today, 364);
  const fills = ((await q.query(
    `SELECT drug_key AS ingredient, max(drug_name) AS product FROM fills WHERE patient_id = ? AND drug_key IS NOT NULL AND fill_date BETWEEN ? AND ? GROUP BY drug_key, fill_date`,
    [patientId, since, today],
  )) as { ingredient: string; product: string | null }[]).map((f): ActiveDrug => ({ ingredient: f.ingredient, product: f.product ?? f.ingredient, source: 'fill', classCode: bundledDrug(f.ingredient)?.class ?? null }));
  return {
    age: p ? ageOnIso(p.date_of_birth, today) : null,
    codes,
    diseases: coreDiseasesOf(codes),
    fills,
    current,
  };
}

function applies(rule: GapRule, c: Context): boolean {
  const w = rule.when;
  const hasCondition = (w.diseases ?? []).some((d) => c.diseases.has(d)) || (w.icdPrefixes ?? []).some((p) => c.codes.some((code) => code.startsWith(p)));
  if (!hasCondition) return false;
  if (w.ageMin !== undefined && (c.age === null || c.age < w.ageMin)) return false;
  if (w.ageMax !== undefined && (c.age === null || c.age > w.ageMax)) return false;
  if (w.fills && c.fills.filter((f) => matches(w.fills!.match, f)).length < w.fills.min) return false;
  return !(rule.family === 'missingTherapy' && rule.excludeDiseases?.some((d) => c.diseases.has(d)));
}

/** Older-adult rules: age, a matching current medicine, and none of the `unless` medicines. */
export function olderAdultFindings(rules: readonly LoadedRule[], c: Context): RawFinding[] {
  return rules.flatMap((rule) => {
    if (rule.family !== 'olderAdult' || c.age === null || c.age < rule.minAge) return [];
    const involved = c.current.filter((d) => matches(rule.match, d));
    if (!involved.length || (rule.unless && [...c.current, ...c.fills].some((d) => matches(rule.unless!, d)))) return [];
    return [findingFor(rule, involved)];
  });
}

export function careGapFindings(rules: readonly LoadedRule[], c: Context): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if ((rule.family !== 'missingTherapy' && rule.family !== 'overuse') || !applies(rule, c)) continue;
    if (rule.family === 'missingTherapy') {
      if (c.current.some((d) => matches(rule.missing, d)) || c.fills.some((d) => matches(rule.missing, d))) continue;
      out.push({ ...findingFor(rule, []), title: rule.title });
    } else {
      const used = c.fills.filter((f) => matches(rule.fills.match, f));
      if (used.length < rule.fills.min) continue;
      const f = findingFor(rule, used.slice(0, 1));
      out.push({ ...f, title: `${f.title}: ${used.length} fills in 12 months` });
    }
  }
  return out;
}
