// Runs the rules over a patient's active drugs. Pure: the same drugs and rules give the same
// findings, each with a fingerprint of its rule and ingredients.
import { createHash } from 'node:crypto';
import type { Finding, Matcher } from '../../preload/schemas/checks';
import type { LoadedRule } from './knowledge-base';

export interface ActiveDrug {
  /** Vocabulary ingredient name ("hydrocodone and acetaminophen"), or RxNorm names joined with " / ". */
  ingredient: string;
  product: string;
  source: 'list' | 'fill';
  classCode: string | null;
}

export type RawFinding = Omit<Finding, 'dismissed' | 'accepted'>;

// Matchers compiled once: the population pass asks them millions of times.
const compiled = new WeakMap<Matcher, { ingredients: Set<string>; classes: string[] }>();
export function matches(m: Matcher, d: ActiveDrug): boolean {
  let c = compiled.get(m);
  if (!c) compiled.set(m, (c = { ingredients: new Set(m.ingredients ?? []), classes: m.classes ?? [] }));
  if (c.ingredients.has(d.ingredient)) return true;
  if (d.ingredient.includes(' / ') && d.ingredient.split(' / ').some((i) => c.ingredients.has(i))) return true;
  return d.classCode !== null && c.classes.some((prefix) => d.classCode!.startsWith(prefix));
}

export const fingerprintOf = (ruleId: string, ingredients: string[]) => createHash('sha256').update([ruleId, ...[...new Set(ingredients)].sort()].join('\u0000')).digest('hex');

export function findingFor(rule: LoadedRule, involved: ActiveDrug[]): RawFinding {
  const ingredients = [...new Set(involved.map((d) => d.ingredient))];
  return {
    ruleId: rule.id, family: rule.family, severity: rule.severity, dtp: rule.dtp, title: ingredients.join(' + '),
    involved: involved.map((d) => ({ ingredient: d.ingredient, product: d.product, source: d.source })),
    explanation: rule.explanation, patientText: rule.patientText, action: rule.action, citation: rule.citation, local: rule.local,
    fingerprint: fingerprintOf(rule.id, ingredients),
  };
}

/** One drug per ingredient: the list entry wins over a fill of the same ingredient. */
export function byIngredient(drugs: ActiveDrug[]): ActiveDrug[] {
  const out = new Map<string, ActiveDrug>();
  for (const d of drugs) if (!out.has(d.ingredient) || (d.source === 'list' && out.get(d.ingredient)!.source === 'fill')) out.set(d.ingredient, d);
  return [...out.values()];
}

export function runRules(allDrugs: ActiveDrug[], rules: readonly LoadedRule[]): RawFinding[] {
  const drugs = byIngredient(allDrugs);
  const out = new Map<string, RawFinding>();
  for (const rule of rules) {
    if (rule.family === 'interaction') {
      for (const x of drugs.filter((d) => matches(rule.a, d))) {
        for (const y of drugs.filter((d) => d !== x && matches(rule.b, d))) {
          const f = findingFor(rule, [x, y]);
          out.set(f.fingerprint, f);
        }
      }
    } else if (rule.family === 'duplication') {
      const members = drugs.filter((d) => matches(rule.members, d)).sort((a, b) => a.ingredient.localeCompare(b.ingredient));
      if (members.length >= 2) {
        const f = findingFor(rule, members);
        out.set(f.fingerprint, f);
      }
    }
  }
  return sortFindings([...out.values()]);
}

const RANK = { contraindicated: 0, major: 1, moderate: 2, minor: 3 };
export const sortFindings = <F extends RawFinding>(findings: F[]): F[] => findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.title.localeCompare(b.title));
