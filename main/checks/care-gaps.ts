// Care-gap rules (START omissions, the statin-in-diabetes gap): who the rule is about (conditions,
// age, prior fills, a current medicine), then either a therapy they lack or a drug they fill too often.
import { pastMedicine, type Picture } from './clinical-picture';
import { findingFor, type RawFinding } from './engine';
import type { Knowledge, LoadedRule } from './knowledge-base';
import type { NotChecked } from './not-checked';

type GapRule = Extract<LoadedRule, { family: 'missingTherapy' | 'overuse' }>;

function applies(rule: GapRule, p: Picture, k: Knowledge): boolean {
  const w = rule.when;
  const named = (w.diseases?.length ?? 0) + (w.conditions?.length ?? 0) + (w.icdPrefixes?.length ?? 0) > 0;
  if (named && !p.codes.length) return false;
  const hasCondition =
    (w.diseases ?? []).some((d) => p.coreDiseases.has(d)) ||
    (w.conditions ?? []).some((c) => p.conditionGroups.has(c)) ||
    (w.icdPrefixes ?? []).some((x) => p.codes.some((code) => code.startsWith(x)));
  if (named && !hasCondition) return false;
  if (w.taking && !p.medicines.some((d) => k.matchers.matches(w.taking!, d))) return false;
  if (w.ageMin !== undefined && p.age < w.ageMin) return false;
  if (w.ageMax !== undefined && p.age > w.ageMax) return false;
  if (w.fills && fillCount(w.fills.match, p, k) < w.fills.min) return false;
  if (
    rule.family === 'missingTherapy' &&
    (rule.excludeDiseases?.some((d) => p.coreDiseases.has(d)) ||
      rule.excludeConditions?.some((c) => p.conditionGroups.has(c)))
  )
    return false;
  return true;
}

/** Fills of the last 12 months (one per drug and date) matching. */
function fillCount(m: Parameters<Knowledge['matchers']['matches']>[0], p: Picture, k: Knowledge) {
  let n = 0;
  for (const [key, c] of p.fillCounts) if (k.matchers.matches(m, pastMedicine(key))) n += c.fills;
  return n;
}

export function careGapFindings(rules: readonly LoadedRule[], p: Picture, k: Knowledge, _nc: NotChecked): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if ((rule.family !== 'missingTherapy' && rule.family !== 'overuse') || !applies(rule, p, k)) continue;
    if (rule.family === 'missingTherapy') {
      if ([...p.medicines, ...p.pastMedicines].some((d) => k.matchers.matches(rule.missing, d))) continue;
      const trigger = rule.when.taking ? p.medicines.filter((d) => k.matchers.matches(rule.when.taking!, d)) : [];
      out.push(findingFor(rule, trigger, rule.title));
    } else {
      const used = [...p.fillCounts.keys()].filter((key) => k.matchers.matches(rule.fills.match, pastMedicine(key)));
      const count = fillCount(rule.fills.match, p, k);
      if (count < rule.fills.min) continue;
      const f = findingFor(rule, [pastMedicine(used[0]!)]);
      out.push({ ...f, title: `${f.title}: ${count} fills in 12 months` });
    }
  }
  return out;
}
