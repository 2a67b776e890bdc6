// Adherence rules: PDC over the last 12 months of the patient's fills in each rule's classes.
import { formatPdc } from '../../preload/schemas/adherence';
import { DAY_MS, isoDaysBefore } from '../../preload/schemas/dates';
import type { PatientChecks } from '../../preload/schemas/checks';
import { ingredientInClasses, isMaintenanceDrug } from '../medications/vocabulary/bundled';
import type { Picture } from './clinical-picture';
import { findingFor, type RawFinding } from './engine';
import type { LoadedRule } from './knowledge-base';
import { fillMedicine } from './medicine';
import { proportionOfDaysCovered, type PdcFill } from './pdc';
import { groupBy } from '../common/group-by';

export type AdherenceRule = Extract<LoadedRule, { family: 'adherence' }>;
export interface AdherenceFill {
  ingredient: string;
  date: string;
  daysSupply: number;
}

/** A rule's PDC over the period and the fills it used; null when its exclusions apply or fewer than two fill dates. */
export function adherenceMeasure<F extends AdherenceFill>(
  rule: AdherenceRule,
  fills: F[],
  diseases: Set<string>,
  start: string,
  today: string,
) {
  if (rule.excludeConditions?.some((d) => diseases.has(d))) return null;
  if (rule.excludeClasses && fills.some((f) => ingredientInClasses(f.ingredient, rule.excludeClasses!))) return null;
  const inRule = fills.filter((f) => ingredientInClasses(f.ingredient, rule.classes));
  const result = proportionOfDaysCovered(
    inRule.map((f): PdcFill => ({ drug: f.ingredient, date: f.date, daysSupply: f.daysSupply })),
    start,
    today,
  );
  return result.pdc === null ? null : { ...result, pdc: result.pdc, inRule };
}

type Summary = PatientChecks['summary'];

/**
 * PDC per rule and per maintenance medicine over the picture's year of fills, and the findings below threshold or late.
 */
export function adherenceFindings(
  rules: readonly LoadedRule[],
  p: Picture,
  perDrug = true,
): { findings: RawFinding[]; measures: Summary['adherence']; byDrug: Summary['adherenceByDrug'] } {
  const adherenceRules = rules.filter((r): r is AdherenceRule => r.family === 'adherence');
  const start = isoDaysBefore(p.today, 364);
  const fills = p.yearFills;
  const findings: RawFinding[] = [];
  const measures: Summary['adherence'] = [];
  const byDrug: Summary['adherenceByDrug'] = [];
  const todayDay = Date.parse(p.today) / DAY_MS;
  const lateRule = rules.find((r) => r.family === 'lateRefill');
  for (const [drug, own] of groupBy(fills, (f) => f.ingredient)) {
    if (!isMaintenanceDrug(drug)) continue;
    if (perDrug) {
      const r = proportionOfDaysCovered(
        own.map((f) => ({ drug, date: f.date, daysSupply: f.daysSupply })),
        start,
        p.today,
      );
      if (r.pdc !== null) byDrug.push({ drug, pdc: r.pdc });
    }
    const last = own[own.length - 1]!;
    const daysOut = Math.floor(todayDay - Date.parse(last.date) / DAY_MS - last.daysSupply);
    if (
      lateRule?.family === 'lateRefill' &&
      own.length >= 2 &&
      daysOut > lateRule.daysLate &&
      daysOut <= lateRule.stoppedAfter
    ) {
      const f = findingFor(lateRule, [fillMedicine(drug, last.product, 0, last.daysSupply, last.date)]);
      findings.push({
        ...f,
        title: `${drug}: supply ran out ${daysOut} days ago`,
        explanation: `${f.explanation} Last fill ${last.date} for ${last.daysSupply} days.`,
      });
    }
  }
  for (const rule of adherenceRules) {
    const result = adherenceMeasure(rule, fills, p.coreDiseases, start, p.today);
    if (!result) continue;
    measures.push({ ruleId: rule.id, pdc: result.pdc, periodDays: result.periodDays });
    if (result.pdc >= rule.threshold) continue;
    const drugs = [
      ...new Map(
        result.inRule.map((f) => [f.ingredient, fillMedicine(f.ingredient, f.product, 0, f.daysSupply, f.date)]),
      ).values(),
    ];
    const f = findingFor(rule, drugs);
    findings.push({
      ...f,
      title: `${f.title}: ${formatPdc(result.pdc)} of days covered`,
      explanation: `${f.explanation} Covered ${result.coveredDays} of ${result.periodDays} days since the first fill on ${result.indexDate}.`,
    });
  }
  return { findings, measures, byDrug: byDrug.sort((a, b) => a.drug.localeCompare(b.drug)) };
}
