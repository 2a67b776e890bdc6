// Runs the rules over a patient's clinical picture. Pure: the same picture and rules give the same
// findings, each with a fingerprint of its rule and ingredients, and the same list of what could
// not be checked (a silent panel must mean "checked and found nothing").
import { createHash } from 'node:crypto';
import type { Finding } from '../../preload/schemas/checks';
import { adherenceFindings } from './adherence';
import { careGapFindings } from './care-gaps';
import type { Picture } from './clinical-picture';
import { pharmacogenomicFindings } from './genotypes';
import type { Knowledge, LoadedRule } from './knowledge-base';
import { ingredientsOf, type Medicine } from './medicine';
import { NotChecked, NothingNoted } from './not-checked';
import { patientRuleFindings } from './patient-rules';
import { whenHolds } from './when';

export type RawFinding = Omit<Finding, 'dismissed' | 'accepted'>;

export const fingerprintOf = (ruleId: string, ingredients: string[]) =>
  createHash('sha256')
    .update([ruleId, ...[...new Set(ingredients)].sort()].join('\u0000'))
    .digest('hex');

export function findingFor(rule: LoadedRule, involved: Medicine[], title?: string): RawFinding {
  const ingredients = [...new Set(involved.flatMap(ingredientsOf))];
  return {
    ruleId: rule.id,
    family: rule.family,
    source: rule.source ?? null,
    severity: rule.severity,
    dtp: rule.dtp,
    title: title ?? [...new Set(involved.map((d) => d.key))].join(' + '),
    involved: involved.map((d) => ({ ingredient: d.key, product: d.product, source: d.source })),
    explanation: rule.explanation,
    patientText: rule.patientText,
    patientTextEs: rule.patientTextEs ?? rule.patientText,
    action: rule.action,
    citation: rule.citation,
    local: rule.local,
    alsoCited: [],
    fingerprint: fingerprintOf(rule.id, ingredients),
  };
}

/** Pairs (or triples) of different products, one per side; a combination product never pairs with itself. */
function interactionFindings(
  rule: Extract<LoadedRule, { family: 'interaction' }>,
  p: Picture,
  k: Knowledge,
): RawFinding[] {
  const as = k.matchers.matching(rule.a, p.medicines);
  if (!as.length) return [];
  const bs = k.matchers.matching(rule.b, p.medicines);
  if (!bs.length || (bs.length === 1 && as.length === 1 && bs[0] === as[0])) return [];
  const cs = rule.c ? k.matchers.matching(rule.c, p.medicines) : [null];
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const x of as)
    for (const y of bs)
      for (const z of cs) {
        const set = [x, y, ...(z ? [z] : [])];
        if (new Set(set).size < set.length || new Set(set.map((d) => d.key)).size < set.length) continue;
        const key = set
          .map((d) => d.key)
          .sort()
          .join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(findingFor(rule, set));
      }
  return out;
}

/** Two or more different products of the members, unless the pair is a deliberate one. */
function duplicationFindings(
  rule: Extract<LoadedRule, { family: 'duplication' }>,
  p: Picture,
  k: Knowledge,
  deliberate: string[],
): RawFinding[] {
  const members = k.matchers.matching(rule.members, p.medicines);
  if (members.length < 2) return [];
  if (rule.sameIngredient) return sameIngredientFindings(rule, members, k, deliberate);
  if (new Set(members.map((d) => d.key)).size < 2) return [];
  if (members.length === 2) {
    const [x, y] = members as [Medicine, Medicine];
    const allowed = allowedPair(rule, k, x, y);
    if (allowed) {
      deliberate.push(`${x.key} + ${y.key}: ${allowed.reason}`);
      return [];
    }
  }
  return [
    findingFor(
      rule,
      [...members].sort((a, b) => byText(a.key, b.key)),
    ),
  ];
}

/** The deliberate pair two products make, if they make one. */
function allowedPair(rule: Extract<LoadedRule, { family: 'duplication' }>, k: Knowledge, x: Medicine, y: Medicine) {
  return rule.allowed?.find(
    (a) =>
      (k.matchers.matches(a.a, x) && k.matchers.matches(a.b, y)) ||
      (k.matchers.matches(a.a, y) && k.matchers.matches(a.b, x)),
  );
}

/** One finding per ingredient that two or more products taken the same way contain (a deliberate pair excepted). */
function sameIngredientFindings(
  rule: Extract<LoadedRule, { family: 'duplication' }>,
  members: Medicine[],
  k: Knowledge,
  deliberate: string[],
): RawFinding[] {
  const holders = new Map<string, Medicine[]>();
  for (const m of members)
    for (const part of m.parts)
      holders.set(`${part.ingredient}|${m.route ?? 'oral'}`, [
        ...(holders.get(`${part.ingredient}|${m.route ?? 'oral'}`) ?? []),
        m,
      ]);
  return [...holders].flatMap(([key, ms]) => {
    if (ms.length < 2) return [];
    const allowed = ms.length === 2 ? allowedPair(rule, k, ms[0]!, ms[1]!) : undefined;
    if (allowed) {
      deliberate.push(`${ms[0]!.product} + ${ms[1]!.product}: ${allowed.reason}`);
      return [];
    }
    const ingredient = key.split('|')[0]!;
    const f = findingFor(rule, ms, `${ingredient} in ${ms.length} products: ${ms.map((m) => m.product).join(', ')}`);
    return [{ ...f, fingerprint: fingerprintOf(rule.id, [ingredient, ...ms.map((m) => m.product.toLowerCase())]) }];
  });
}

function burdenFindings(rule: Extract<LoadedRule, { family: 'burden' }>, p: Picture, k: Knowledge): RawFinding[] {
  const members = k.matchers.matching(rule.match, p.medicines);
  if (members.length < rule.min) return [];
  const distinct = [...new Map(members.map((d) => [d.key, d])).values()];
  if (distinct.length < rule.min) return [];
  return [
    findingFor(rule, distinct, `${distinct.length} medicines together: ${distinct.map((d) => d.key).join(', ')}`),
  ];
}

export interface CheckResult {
  findings: RawFinding[];
  notChecked: string[];
  /** Labs that would let narrower rules run (potassium, sodium, heart rate). */
  couldCheckMore: string[];
  /** Combinations recognised as deliberate (dual antiplatelet therapy…), said so the silence is explained. */
  deliberate: string[];
  adherence: Pick<ReturnType<typeof adherenceFindings>, 'measures' | 'byDrug'>;
}

/**
 * `forWorklist`: the pharmacy-wide pass, which lists findings only — no PDC per medicine and no
 * account of what could not be checked (the patient screen gives both).
 */
export function runChecks(p: Picture, k: Knowledge, { forWorklist = false } = {}): CheckResult {
  const perDrug = !forWorklist;
  const notChecked = forWorklist ? new NothingNoted() : new NotChecked();
  const deliberate: string[] = [];
  const findings = new Map<string, RawFinding>();
  const rules = k.candidates(p);
  const found = (fs: RawFinding[]) => {
    for (const f of fs) findings.set(f.fingerprint, f);
  };
  for (const rule of rules) {
    const fs =
      rule.family === 'interaction'
        ? interactionFindings(rule, p, k)
        : rule.family === 'duplication'
          ? duplicationFindings(rule, p, k, deliberate)
          : rule.family === 'burden'
            ? burdenFindings(rule, p, k)
            : [];
    // The patient context is asked only of rules whose medicines are there, so "not checked" stays relevant.
    if (
      fs.length &&
      (rule.family === 'interaction' || rule.family === 'duplication' || rule.family === 'burden') &&
      (!rule.when || whenHolds(rule.when, p, k, notChecked, fs[0]!.title))
    )
      found(fs);
  }
  if (!p.codes.length)
    notChecked.add(
      'no-conditions',
      'No conditions recorded, so the disease–drug checks and the care gaps (START) had none to check',
      [],
    );
  found(patientRuleFindings(rules, p, k, notChecked));
  found(careGapFindings(rules, p, k, notChecked));
  found(pharmacogenomicFindings(rules, p, k));
  const adherence = adherenceFindings(rules, p, perDrug);
  found(adherence.findings);
  if (p.uncoded.length)
    notChecked.add(
      'uncoded',
      `${p.uncoded.length === 1 ? '1 product' : `${p.uncoded.length} products`} not recognised, so not checked`,
      p.uncoded,
    );
  return {
    findings: sortFindings(mergeSameProblem([...findings.values()])),
    notChecked: notChecked.sentences('gap'),
    couldCheckMore: notChecked.sentences('extra'),
    deliberate: [...new Set(deliberate)],
    adherence: { measures: adherence.measures, byDrug: adherence.byDrug },
  };
}

/**
 * Two sources naming the same problem (the FDA label and the Beers table on opioid + benzodiazepine)
 * make one finding: the most severe reading, with the other sources cited beside it.
 */
function mergeSameProblem(findings: RawFinding[]): RawFinding[] {
  const byProblem = new Map<string, RawFinding>();
  for (const f of [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])) {
    // Pairs are the same problem whichever drug a source names first; other findings carry their context in the title.
    const drugs = f.involved
      .map((i) => i.ingredient)
      .sort()
      .join('+');
    // A missing therapy is one gap however it was found (the condition, a medicine, the fills).
    const key =
      f.family === 'interaction' || f.family === 'duplication'
        ? `${f.family}|${drugs}`
        : f.family === 'missingTherapy'
          ? `${f.family}|${f.title}`
          : `${f.family}|${f.title}|${drugs}`;
    const kept = byProblem.get(key);
    if (kept) kept.alsoCited.push({ ruleId: f.ruleId, source: f.source, citation: f.citation });
    else byProblem.set(key, { ...f, alsoCited: [] });
  }
  return [...byProblem.values()];
}

const RANK = { contraindicated: 0, major: 1, moderate: 2, minor: 3 };
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sortFindings = <F extends RawFinding>(findings: F[]): F[] =>
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || byText(a.title, b.title));
