// Adherence rules: PDC over the last 12 months of the patient's fills in each rule's classes.
import type { EntityManager } from 'typeorm';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { isoDaysBefore } from '../../preload/schemas/dates';
import type { PatientChecks } from '../../preload/schemas/checks';
import { bundledDrug } from '../medications/vocabulary/bundled';
import { findingFor, type ActiveDrug, type RawFinding } from './engine';
import type { LoadedRule } from './knowledge-base';
import { proportionOfDaysCovered, type PdcFill } from './pdc';

type Q = Pick<EntityManager, 'query'>;
type AdherenceRule = Extract<LoadedRule, { family: 'adherence' }>;
const inClasses = (classes: string[], ingredient: string) => {
  const code = bundledDrug(ingredient)?.class;
  return Boolean(code && classes.some((c) => code.startsWith(c)));
};
const percent = (x: number) => `${Math.round(x * 100)}%`;

export async function adherenceFindings(q: Q, patientId: string, rules: readonly LoadedRule[], today: string): Promise<{ findings: RawFinding[]; measures: PatientChecks['summary']['adherence'] }> {
  const adherenceRules = rules.filter((r): r is AdherenceRule => r.family === 'adherence');
  if (!adherenceRules.length) return { findings: [], measures: [] };
  const start = isoDaysBefore(today, 364);
  const fills = (await q.query(
    `SELECT drug_key AS ingredient, max(drug_name) AS product, fill_date AS date, max(days_supply) AS daysSupply FROM fills
     WHERE patient_id = ? AND drug_key IS NOT NULL AND fill_date BETWEEN ? AND ? GROUP BY drug_key, fill_date ORDER BY fill_date`,
    [patientId, start, today],
  )) as { ingredient: string; product: string | null; date: string; daysSupply: number }[];
  const conditions = (await q.query('SELECT code FROM patient_conditions WHERE patient_id = ? AND resolved_on IS NULL', [patientId])) as { code: string }[];
  const diseases = coreDiseasesOf(conditions.map((c) => c.code));

  const findings: RawFinding[] = [];
  const measures: PatientChecks['summary']['adherence'] = [];
  for (const rule of adherenceRules) {
    if (rule.excludeConditions?.some((d) => diseases.has(d))) continue;
    if (rule.excludeClasses && fills.some((f) => inClasses(rule.excludeClasses!, f.ingredient))) continue;
    const inRule = fills.filter((f) => inClasses(rule.classes, f.ingredient));
    const result = proportionOfDaysCovered(inRule.map((f): PdcFill => ({ drug: f.ingredient, date: f.date, daysSupply: f.daysSupply })), start, today);
    if (result.pdc === null) continue;
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
  return { findings, measures };
}
