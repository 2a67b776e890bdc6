// Adherence rules: PDC over the last 12 months of the patient's fills in each rule's classes.
import type { EntityManager } from 'typeorm';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { DAY_MS, isoDaysBefore } from '../../preload/schemas/dates';
import type { PatientChecks } from '../../preload/schemas/checks';
import { bundledDrug, ingredientInClasses, isMaintenanceDrug } from '../medications/vocabulary/bundled';
import { findingFor, type ActiveDrug, type RawFinding } from './engine';
import type { LoadedRule } from './knowledge-base';
import { proportionOfDaysCovered, type PdcFill } from './pdc';
import { groupBy } from '../common/group-by';

type Q = Pick<EntityManager, 'query'>;
export type AdherenceRule = Extract<LoadedRule, { family: 'adherence' }>;
export interface AdherenceFill {
  ingredient: string;
  date: string;
  daysSupply: number;
}

/** A rule's PDC over the period and the fills it used; null when its exclusions apply or fewer than two fill dates. */
export function adherenceMeasure<F extends AdherenceFill>(rule: AdherenceRule, fills: F[], diseases: Set<string>, start: string, today: string) {
  if (rule.excludeConditions?.some((d) => diseases.has(d))) return null;
  if (rule.excludeClasses && fills.some((f) => ingredientInClasses(f.ingredient, rule.excludeClasses!))) return null;
  const inRule = fills.filter((f) => ingredientInClasses(f.ingredient, rule.classes));
  const result = proportionOfDaysCovered(inRule.map((f): PdcFill => ({ drug: f.ingredient, date: f.date, daysSupply: f.daysSupply })), start, today);
  return result.pdc === null ? null : { ...result, pdc: result.pdc, inRule };
}
const percent = (x: number) => `${Math.round(x * 100)}%`;

type Summary = PatientChecks['summary'];

export async function adherenceFindings(q: Q, patientId: string, rules: readonly LoadedRule[], today: string): Promise<{ findings: RawFinding[]; measures: Summary['adherence']; byDrug: Summary['adherenceByDrug'] }> {
  const adherenceRules = rules.filter((r): r is AdherenceRule => r.family === 'adherence');
  const start = isoDaysBefore(today, 364);
  const fills = (await q.query(
    `SELECT drug_key AS ingredient, max(drug_name) AS product, fill_date AS date, max(days_supply) AS daysSupply FROM fills
     WHERE patient_id = ? AND drug_key IS NOT NULL AND fill_date BETWEEN ? AND ? GROUP BY drug_key, fill_date ORDER BY fill_date`,
    [patientId, start, today],
  )) as { ingredient: string; product: string | null; date: string; daysSupply: number }[];
  const conditions = (await q.query('SELECT code FROM patient_conditions WHERE patient_id = ? AND resolved_on IS NULL', [patientId])) as { code: string }[];
  const diseases = coreDiseasesOf(conditions.map((c) => c.code));

  const findings: RawFinding[] = [];
  const measures: Summary['adherence'] = [];
  const byDrug: Summary['adherenceByDrug'] = [];
  const todayDay = Date.parse(today) / DAY_MS;
  const lateRule = rules.find((r) => r.family === 'lateRefill');
  for (const [drug, own] of groupBy(fills, (f) => f.ingredient)) {
    if (!isMaintenanceDrug(drug)) continue;
    const r = proportionOfDaysCovered(own.map((f) => ({ drug, date: f.date, daysSupply: f.daysSupply })), start, today);
    if (r.pdc !== null) byDrug.push({ drug, pdc: r.pdc });
    const last = own[own.length - 1]!;
    const daysOut = Math.floor(todayDay - Date.parse(last.date) / DAY_MS - last.daysSupply);
    if (lateRule?.family === 'lateRefill' && own.length >= 2 && daysOut > lateRule.daysLate && daysOut <= lateRule.stoppedAfter) {
      const f = findingFor(lateRule, [{ ingredient: drug, product: last.product ?? drug, source: 'fill', classCode: bundledDrug(drug)?.class ?? null }]);
      findings.push({ ...f, title: `${drug}: supply ran out ${daysOut} days ago`, explanation: `${f.explanation} Last fill ${last.date} for ${last.daysSupply} days.` });
    }
  }
  for (const rule of adherenceRules) {
    const result = adherenceMeasure(rule, fills, diseases, start, today);
    if (!result) continue;
    const { inRule } = result;
    measures.push({ ruleId: rule.id, pdc: result.pdc, periodDays: result.periodDays });
    if (result.pdc >= rule.threshold) continue;
    const drugs: ActiveDrug[] = [...new Map(inRule.map((f) => [f.ingredient, { ingredient: f.ingredient, product: f.product ?? f.ingredient, source: 'fill' as const, classCode: bundledDrug(f.ingredient)?.class ?? null }])).values()];
    const f = findingFor(rule, drugs);
    findings.push({
      ...f,
      title: `${f.title}: ${percent(result.pdc)} of days covered`,
      explanation: `${f.explanation} Covered ${result.coveredDays} of ${result.periodDays} days since the first fill on ${result.indexDate}.`,
    });
  }
  return { findings, measures, byDrug: byDrug.sort((a, b) => a.drug.localeCompare(b.drug)) };
}
