// The knowledge lint: every name a rule uses is known (ingredients to the vocabulary, classes to
// the ATC list, groups, condition groups, sources), bundled rules are cited in both languages,
// ids are unique, and no two rules say the same thing.
import type { DrugGroup, Matcher, Rule, When } from '../../preload/schemas/checks';
import { CORE_DISEASE_IDS } from '../../preload/schemas/eligibility';
import { PGX_RESULTS } from '../../preload/schemas/checks';
import sources from '../../resources/knowledge/sources.json';
import { bundledDrug, DRUG_CLASSES, drugClass } from '../medications/vocabulary/bundled';
import { CONDITION_GROUP_IDS } from './condition-groups';

const SOURCES: Record<string, unknown> = sources.sources;

function matcherProblems(m: Matcher | undefined, where: string, groups: ReadonlyMap<string, DrugGroup>): string[] {
  if (!m) return [];
  return [
    ...(m.ingredients ?? [])
      .filter((i) => !bundledDrug(i))
      .map((i) => `${where}: "${i}" is not an ingredient in the drug vocabulary`),
    // A class may be named at a higher ATC level ("A10B") when some vocabulary class falls under it.
    ...(m.classes ?? [])
      .filter((c) => !drugClass(c) && !DRUG_CLASSES.some((k) => k.code.startsWith(c)))
      .map((c) => `${where}: "${c}" is not a class in resources/drugs/classes.json`),
    ...(m.groups ?? []).filter((g) => !groups.has(g)).map((g) => `${where}: "${g}" is not a drug group`),
  ];
}

const conditionProblems = (ids: string[] | undefined, where: string) =>
  (ids ?? [])
    .filter((c) => !CONDITION_GROUP_IDS.has(c))
    .map((c) => `${where}: "${c}" is not a condition group in resources/clinical/condition-groups.json`);
const diseaseProblems = (ids: string[] | undefined, where: string) =>
  (ids ?? [])
    .filter((d) => !CORE_DISEASE_IDS.includes(d))
    .map((d) => `${where}: "${d}" is not a core chronic disease id`);

function whenProblems(w: When | undefined, where: string, groups: ReadonlyMap<string, DrugGroup>): string[] {
  if (!w) return [];
  return [
    ...conditionProblems(w.conditions, where),
    ...conditionProblems(w.unlessConditions, where),
    ...matcherProblems(w.taking, `${where} (taking)`, groups),
    ...matcherProblems(w.unless, `${where} (unless)`, groups),
  ];
}

/** What one rule names that nobody knows. */
function ruleProblems(r: Rule, groups: ReadonlyMap<string, DrugGroup>): string[] {
  const where = r.id;
  const m = (x: Matcher | undefined, suffix = '') => matcherProblems(x, `${where}${suffix}`, groups);
  switch (r.family) {
    case 'interaction':
      return [...m(r.a, ' (a)'), ...m(r.b, ' (b)'), ...m(r.c, ' (c)'), ...whenProblems(r.when, where, groups)];
    case 'duplication':
      return [
        ...m(r.members),
        ...(r.allowed ?? []).flatMap((a) => [...m(a.a, ' (allowed)'), ...m(a.b, ' (allowed)')]),
        ...whenProblems(r.when, where, groups),
      ];
    case 'renal':
    case 'dose':
    case 'burden':
      return [...m(r.match), ...whenProblems(r.when, where, groups)];
    case 'olderAdult':
      return [...m(r.match), ...m(r.unless, ' (unless)'), ...whenProblems(r.when, where, groups)];
    case 'diseaseDrug':
      return [...m(r.match), ...conditionProblems(r.conditions, where), ...whenProblems(r.when, where, groups)];
    case 'pharmacogenomic':
      return [
        ...m(r.match),
        ...r.results
          .filter((x) => !PGX_RESULTS[r.gene]!.includes(x))
          .map((x) => `${where}: "${x}" is not a ${r.gene} result term`),
      ];
    case 'missingTherapy':
    case 'overuse': {
      const w = r.when;
      return [
        ...(r.family === 'missingTherapy'
          ? [
              ...m(r.missing),
              ...conditionProblems(r.excludeConditions, where),
              ...diseaseProblems(r.excludeDiseases, where),
            ]
          : m(r.fills.match)),
        ...(w.fills ? m(w.fills.match, ' (when)') : []),
        ...m(w.taking, ' (taking)'),
        ...conditionProblems(w.conditions, where),
        ...diseaseProblems(w.diseases, where),
      ];
    }
    case 'adherence':
      return [
        ...matcherProblems({ classes: [...r.classes, ...(r.excludeClasses ?? [])] }, where, groups),
        ...diseaseProblems(r.excludeConditions, where),
      ];
    case 'lateRefill':
      return [];
  }
}

/** A rule's meaning without its words: two rules with the same signature say the same thing. */
function signature(r: Rule, groups: ReadonlyMap<string, DrugGroup>): string {
  const {
    id: _id,
    source: _s,
    severity: _sev,
    dtp: _d,
    explanation: _e,
    patientText: _p,
    patientTextEs: _pe,
    action: _a,
    citation: _c,
    ...meaning
  } = r;
  const tokens = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(tokens);
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('ingredients' in o || 'classes' in o || 'groups' in o) {
        const m = o as Matcher;
        const expanded = new Set([
          ...(m.ingredients ?? []).map((i) => `ing:${i}`),
          ...(m.classes ?? []).map((c) => `atc:${c}`),
          ...(m.groups ?? []).flatMap((g) => groupTokens(g, groups)),
        ]);
        return { t: [...expanded].sort(), routes: m.routes, notRoutes: m.notRoutes, release: m.release };
      }
      return Object.fromEntries(
        Object.entries(o)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, tokens(v)]),
      );
    }
    return x;
  };
  // An interaction is the same whichever side is a.
  const m = tokens(meaning) as Record<string, unknown>;
  if (r.family === 'interaction') {
    const sides = [JSON.stringify(m.a), JSON.stringify(m.b), JSON.stringify(m.c ?? null)].sort();
    return JSON.stringify({ ...m, a: sides[0], b: sides[1], c: sides[2] });
  }
  return JSON.stringify(m);
}
function groupTokens(id: string, groups: ReadonlyMap<string, DrugGroup>, seen = new Set<string>()): string[] {
  const g = groups.get(id);
  if (!g || seen.has(id)) return [`grp:${id}`];
  seen.add(id);
  return [
    ...(g.members.ingredients ?? []).map((i) => `ing:${i}`),
    ...(g.members.classes ?? []).map((c) => `atc:${c}`),
    ...(g.members.groups ?? []).flatMap((x) => groupTokens(x, groups, seen)),
  ];
}

export function lintRules(
  rules: readonly (Rule & { file?: string })[],
  groups: ReadonlyMap<string, DrugGroup>,
  { bundled }: { bundled: boolean },
): string[] {
  const problems: string[] = [];
  const where = (r: Rule & { file?: string }) => (r.file ? `${r.file} ${r.id}` : r.id);
  const ids = new Map<string, string>();
  const meanings = new Map<string, string>();
  for (const r of rules) {
    problems.push(...ruleProblems(r, groups).map((p) => (r.file ? `${r.file} ${p}` : p)));
    if (ids.has(r.id)) problems.push(`${where(r)}: rule id is used twice (also in ${ids.get(r.id)})`);
    ids.set(r.id, r.file ?? '');
    if (bundled) {
      if (!r.source || !(r.source in SOURCES))
        problems.push(`${where(r)}: source "${r.source ?? ''}" is not in resources/knowledge/sources.json`);
      if (!r.patientTextEs) problems.push(`${where(r)}: the patient sentence has no Spanish (patientTextEs)`);
    }
    const sig = signature(r, groups);
    const same = meanings.get(sig);
    if (same) problems.push(`${where(r)}: says the same as ${same}`);
    meanings.set(sig, where(r));
  }
  return problems;
}

export function lintGroups(groups: ReadonlyMap<string, DrugGroup>): string[] {
  return [...groups.values()].flatMap((g) => [
    ...matcherProblems(g.members, `group ${g.id}`, groups),
    ...(g.source in SOURCES ? [] : [`group ${g.id}: source "${g.source}" is not in resources/knowledge/sources.json`]),
  ]);
}
