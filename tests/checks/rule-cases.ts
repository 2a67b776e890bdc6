// For every bundled rule, two patients built from the rule's own data: one that must trigger it and
// a near miss that must not (the drug without the partner, the condition or the kidney band; the dose
// at the limit; the age below the threshold; the missing therapy present). Built as a pharmacist would
// type them, so the vocabulary, the sig reader and the condition groups are tested with each rule.
import conditionsFile from '../../resources/clinical/conditions.json';
import type { FactBound, Matcher, When } from '../../preload/schemas/checks';
import { BUNDLED, type LoadedRule } from '../../main/checks/knowledge-base';
import { groupsOfCode } from '../../main/checks/condition-groups';
import { ckdEpi2021 } from '../../main/checks/kidney';
import { BUNDLED_DRUGS, bundledDrug } from '../../main/medications/vocabulary/bundled';
import type { Medicine } from '../../main/checks/medicine';
import type { CaseMedicine, ClinicalCase } from '../helpers/clinical-patient';

export interface CaseFill {
  drugName: string;
  daysAgo: number;
  daysSupply: number;
}
export interface GeneratedCase extends ClinicalCase {
  fills?: CaseFill[];
  genotype?: { gene: string; result: string };
}
export interface RuleCases {
  rule: LoadedRule;
  trigger: GeneratedCase;
  nearMiss: GeneratedCase;
}

const km = BUNDLED.matchers;
const singles = BUNDLED_DRUGS.filter((d) => !/ and |, /.test(d.name.replace(/\s*\([^)]*\)$/, '')));

/** Single-ingredient vocabulary entries a matcher matches (ingredients first, then classes and groups). */
function candidates(m: Matcher): string[] {
  const tokens = km.tokensOf(m);
  const named = [...tokens]
    .filter((t) => t.startsWith('ing:'))
    .map((t) => t.slice(4))
    .filter((n) => bundledDrug(n));
  const byClass = singles
    .filter((d) => [...tokens].some((t) => t.startsWith('atc:') && d.class.startsWith(t.slice(4))))
    .map((d) => d.name);
  return [...new Set([...named, ...byClass])];
}

const FORM_WORDS: Record<string, string> = {
  oral: 'tablet',
  sublingual: 'sublingual tablet',
  topical: 'cream',
  transdermal: 'patch',
  vaginal: 'vaginal cream',
  rectal: 'suppository',
  inhaled: 'inhaler',
  nasal: 'nasal spray',
  ophthalmic: 'eye drops',
  otic: 'ear drops',
  injection: 'injection',
};

/** A medicine as typed for an ingredient, in a form the matcher accepts; the daily dose when asked. */
function medicineFor(ingredient: string, m: Matcher, daily?: { amount: number; unit: string }): CaseMedicine {
  const route = m.routes?.[0] ?? (m.notRoutes?.includes('oral') ? 'topical' : 'oral');
  const name = ingredient.replace(/\s*\([^)]*\)$/, '');
  const release = m.release === 'extended' ? ' ER' : '';
  const kind = bundledDrug(ingredient)?.kind ?? 'rx';
  if (daily)
    return {
      product: `${name}${release} ${daily.amount} ${daily.unit} ${FORM_WORDS[route]}`,
      strength: `${daily.amount} ${daily.unit}`,
      sig: route === 'oral' ? '1 tablet by mouth once daily' : 'use once daily',
      kind,
    };
  return { product: `${name}${release} ${FORM_WORDS[route]}`, kind };
}

/** How the checks would see the single ingredient typed in the form the matcher asks for. */
const probe = (ingredient: string, m: Matcher): Medicine => ({
  key: ingredient,
  product: ingredient,
  source: 'list',
  parts: [{ ingredient, classCode: bundledDrug(ingredient)?.class ?? null }],
  kind: null,
  route: m.routes?.[0] ?? null,
  release: m.release ?? null,
  asNeeded: m.asNeeded ?? null,
  daily: new Map(),
  since: null,
  listId: null,
  signature: `${ingredient}|${m.routes?.[0] ?? ''}|${m.release ?? ''}|${m.asNeeded ?? ''}`,
});

/** First candidate not matched by any of the excluded matchers, and not already used. */
function pick(m: Matcher, avoid: (Matcher | undefined)[], used: Set<string>): string | null {
  for (const c of candidates(m)) {
    if (used.has(c)) continue;
    const p = probe(c, m);
    if (!km.matches(m, p)) continue;
    if (avoid.some((a) => a && km.matches(a, p))) continue;
    used.add(c);
    return c;
  }
  return null;
}

const CODES = conditionsFile.codes.map((c) => c.code);
/** A bundled code of the group that falls in none of the groups to avoid. */
function codeFor(group: string, avoid: string[] = []): string {
  const code = CODES.find((c) => groupsOfCode(c).includes(group) && !groupsOfCode(c).some((g) => avoid.includes(g)));
  if (!code) throw new Error(`no bundled code for condition group ${group}`);
  return code;
}

function codeStarting(prefix: string): string {
  const code = CODES.find((c) => c.startsWith(prefix));
  if (!code) throw new Error(`no bundled code starts with ${prefix}`);
  return code;
}
function codeOfDisease(id: string): string {
  const code = conditionsFile.codes.find((c) => c.coreDiseases.includes(id))?.code;
  if (!code) throw new Error(`no bundled code for core disease ${id}`);
  return code;
}

/** Serum creatinine giving the kidney estimate asked (Cockcroft–Gault with 70 kg, or CKD-EPI 2021), female. */
function scrFor(measure: 'crcl' | 'egfr', value: number, age: number): number {
  if (measure === 'crcl') return Math.round((((140 - age) * 70 * 0.85) / (72 * value)) * 100) / 100;
  let lo = 0.2,
    hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (ckdEpi2021(age, mid, 'female') > value) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 100) / 100;
}

const satisfy = (b: FactBound) =>
  b.min !== undefined
    ? b.min + (b.fact === 'age' ? 2 : b.min >= 10 ? 5 : 0.3)
    : b.max! - (b.fact === 'age' ? 2 : b.max! >= 10 ? 5 : 0.2);
const violate = (b: FactBound) =>
  b.min !== undefined
    ? b.min - (b.fact === 'age' ? 5 : b.min >= 10 ? 10 : 0.4)
    : b.max! + (b.fact === 'age' ? 5 : b.max! >= 10 ? 10 : 0.5);

/** Applies a rule's `when` to a case: age, conditions, companions, labs. */
function applyWhen(c: GeneratedCase, w: When | undefined, used: Set<string>, avoid: (Matcher | undefined)[]): void {
  if (!w) return;
  if (w.minAge !== undefined) c.age = Math.max(c.age, w.minAge + 3);
  if (w.conditions) c.conditions = [...(c.conditions ?? []), codeFor(w.conditions[0]!, w.unlessConditions)];
  if (w.taking) {
    const t = pick(w.taking, [...avoid, w.unless], used);
    if (!t) throw new Error('no medicine for `taking`');
    c.medicines.push(medicineFor(t, w.taking));
  }
  const facts = [
    ...(w.facts ?? []),
    ...(w.criteria?.atLeast !== undefined ? w.criteria.of.slice(0, w.criteria.atLeast) : []),
  ];
  // "At most N of the criteria": every one recorded as not holding.
  const against = w.criteria?.atMost !== undefined ? w.criteria.of : [];
  for (const b of facts) setFact(c, b.fact, satisfy(b));
  for (const b of against) setFact(c, b.fact, violate(b));
}

function setFact(c: GeneratedCase, fact: FactBound['fact'], value: number) {
  if (fact === 'age') c.age = Math.round(value);
  else if (fact === 'crcl' || fact === 'egfr') {
    c.labs = { ...c.labs, weight: 70, scr: scrFor(fact, value, c.age) };
  } else c.labs = { ...c.labs, [fact]: Math.round(value * 100) / 100 };
}

const base = (): GeneratedCase => ({ age: 75, sex: 'female', medicines: [] });

function cases(rule: LoadedRule): { trigger: GeneratedCase; nearMiss: GeneratedCase } | string {
  const used = new Set<string>();
  const t = base();
  const near = (mutate: (c: GeneratedCase) => void) => {
    const n = structuredClone(t);
    mutate(n);
    return n;
  };
  const whenOf = 'when' in rule ? (rule.when as When | undefined) : undefined;
  switch (rule.family) {
    case 'interaction': {
      const unless = whenOf?.unless;
      const a = pick(rule.a, [unless], used);
      const b = a && pick(rule.b, [unless], used);
      const c = rule.c ? b && pick(rule.c, [unless], used) : null;
      if (!a || !b || (rule.c && !c)) return 'no distinct medicines for each side';
      t.medicines.push(medicineFor(a, rule.a), medicineFor(b, rule.b), ...(c ? [medicineFor(c, rule.c!)] : []));
      applyWhen(t, whenOf, used, [rule.a, rule.b]);
      return { trigger: t, nearMiss: near((n) => n.medicines.splice(1, 1)) };
    }
    case 'duplication': {
      if (rule.sameIngredient) {
        const combo = BUNDLED_DRUGS.find((d) => / and /.test(d.name) && bundledDrug(d.name.split(' and ')[0]!));
        const part = combo!.name.split(' and ')[0]!;
        t.medicines.push({ product: combo!.name }, { product: part });
        return { trigger: t, nearMiss: near((n) => n.medicines.splice(1, 1)) };
      }
      const allowed = rule.allowed ?? [];
      const first = pick(rule.members, [], used);
      // The second member must not make an allowed (deliberate) pair with the first.
      const second = candidates(rule.members).find((x) => {
        if (x === first || used.has(x)) return false;
        const [p, q] = [probe(first!, rule.members), probe(x, rule.members)];
        return (
          km.matches(rule.members, q) &&
          !allowed.some(
            (al) => (km.matches(al.a, p) && km.matches(al.b, q)) || (km.matches(al.a, q) && km.matches(al.b, p)),
          )
        );
      });
      if (!first || !second) return 'fewer than two members to duplicate';
      t.medicines.push(medicineFor(first, rule.members), medicineFor(second, rule.members));
      applyWhen(t, whenOf, used, [rule.members]);
      return { trigger: t, nearMiss: near((n) => n.medicines.splice(1, 1)) };
    }
    case 'burden': {
      for (let i = 0; i < rule.min; i++) {
        const x = pick(rule.match, [], used);
        if (!x) return 'not enough members for the count';
        t.medicines.push(medicineFor(x, rule.match));
      }
      applyWhen(t, whenOf, used, [rule.match]);
      return { trigger: t, nearMiss: near((n) => n.medicines.splice(rule.min - 1, 1)) };
    }
    case 'diseaseDrug': {
      const x = pick(rule.match, [whenOf?.unless], used);
      if (!x) return 'no medicine for the rule';
      t.medicines.push(medicineFor(x, rule.match));
      t.conditions = [codeFor(rule.conditions[0]!, whenOf?.unlessConditions)];
      applyWhen(t, whenOf, used, [rule.match]);
      return { trigger: t, nearMiss: near((n) => n.conditions!.splice(0, 1)) };
    }
    case 'olderAdult': {
      const x = pick(rule.match, [rule.unless, whenOf?.unless], used);
      if (!x) return 'no medicine for the rule';
      t.age = Math.max(rule.minAge + 3, 70);
      const dose = rule.doseAbove ? { amount: rule.doseAbove.amount * 2, unit: rule.doseAbove.unit } : undefined;
      t.medicines.push({ ...medicineFor(x, rule.match, dose), startedDaysAgo: rule.minDays ? rule.minDays + 30 : 400 });
      applyWhen(t, whenOf, used, [rule.match]);
      return {
        trigger: t,
        nearMiss: near((n) => {
          if (rule.doseAbove)
            n.medicines[0] = {
              ...medicineFor(x, rule.match, rule.doseAbove),
              startedDaysAgo:
                n.medicines[0] && typeof n.medicines[0] !== 'string' ? n.medicines[0].startedDaysAgo : 400,
            };
          else if (rule.minDays) (n.medicines[0] as CaseMedicine).startedDaysAgo = Math.max(1, rule.minDays - 10);
          else n.age = rule.minAge - 1;
        }),
      };
    }
    case 'dose': {
      const x = pick(rule.match, [whenOf?.unless], used);
      if (!x) return 'no medicine for the rule';
      const limit = (rule.maxDaily ?? rule.minDaily)!;
      const over = { amount: rule.maxDaily ? limit.amount * 2 : limit.amount / 2, unit: limit.unit };
      t.medicines.push(medicineFor(x, rule.match, over));
      applyWhen(t, whenOf, used, [rule.match]);
      return { trigger: t, nearMiss: near((n) => (n.medicines[0] = medicineFor(x, rule.match, limit))) };
    }
    case 'renal': {
      const x = pick(rule.match, [whenOf?.unless], used);
      if (!x) return 'no medicine for the rule';
      const top = rule.below ?? rule.atOrBelow!;
      const low = rule.from ?? 0;
      const inside =
        top > 200 ? low + 10 : rule.from !== undefined ? (low + top) / 2 : Math.max(top * 0.6, Math.min(5, top - 1));
      const outside = rule.from !== undefined && rule.from > 8 ? rule.from - 5 : top > 200 ? low - 10 : top + 15;
      t.medicines.push(medicineFor(x, rule.match));
      applyWhen(t, whenOf, used, [rule.match]);
      t.labs = { ...t.labs, weight: 70, scr: scrFor(rule.measure, inside, t.age) };
      return {
        trigger: t,
        nearMiss: near((n) => (n.labs = { ...n.labs, weight: 70, scr: scrFor(rule.measure, outside, n.age) })),
      };
    }
    case 'missingTherapy': {
      const w = rule.when;
      t.age = Math.max(w.ageMin ?? 70, Math.min(75, w.ageMax ?? 75));
      const avoidGroups = rule.excludeConditions ?? [];
      if (w.conditions?.length) t.conditions = [codeFor(w.conditions[0]!, avoidGroups)];
      else if (w.icdPrefixes?.length) t.conditions = [codeStarting(w.icdPrefixes[0]!)];
      else if (w.diseases?.length) t.conditions = [codeOfDisease(w.diseases[0]!)];
      if (w.taking) {
        const x = pick(w.taking, [rule.missing], used);
        if (!x) return 'no medicine for `taking`';
        t.medicines.push(medicineFor(x, w.taking));
      }
      if (w.fills) {
        const x = pick(w.fills.match, [rule.missing], used);
        if (!x) return 'no medicine for the fills';
        t.fills = Array.from({ length: w.fills.min }, (_, i) => ({
          drugName: `${x.replace(/\s*\([^)]*\)$/, '')} 10 MG TAB`,
          daysAgo: 20 + i * 60,
          daysSupply: 30,
        }));
      }
      const present = pick(rule.missing, [], new Set());
      if (!present) return 'no medicine for what is missing';
      return { trigger: t, nearMiss: near((n) => n.medicines.push(medicineFor(present, rule.missing))) };
    }
    case 'pharmacogenomic': {
      const x = pick(rule.match, [], used);
      if (!x) return 'no medicine for the rule';
      t.medicines.push(medicineFor(x, rule.match));
      t.genotype = { gene: rule.gene, result: rule.results[0]! };
      return { trigger: t, nearMiss: near((n) => delete n.genotype) };
    }
    case 'overuse': {
      const w = rule.when;
      if (w.conditions?.length) t.conditions = [codeFor(w.conditions[0]!)];
      else if (w.icdPrefixes?.length) t.conditions = [codeStarting(w.icdPrefixes[0]!)];
      else if (w.diseases?.length) t.conditions = [codeOfDisease(w.diseases[0]!)];
      const x = pick(rule.fills.match, [], used);
      if (!x) return 'no medicine for the fills';
      t.fills = Array.from({ length: rule.fills.min }, (_, i) => ({
        drugName: `${x.replace(/\s*\([^)]*\)$/, '')} HFA`,
        daysAgo: 10 + i * 25,
        daysSupply: 25,
      }));
      return { trigger: t, nearMiss: near((n) => n.fills!.splice(0, 1)) };
    }
    case 'adherence': {
      const x = singles.find(
        (d) =>
          rule.classes.some((c) => d.class.startsWith(c)) &&
          !(rule.excludeClasses ?? []).some((c) => d.class.startsWith(c)),
      );
      if (!x) return 'no medicine in the measure';
      const drugName = `${x.name.replace(/\s*\([^)]*\)$/, '')} 10 MG TAB`;
      // Three 30-day fills spread over 300 days: well under 80% of days covered; a fill every 30 days is not.
      t.fills = [300, 200, 100].map((daysAgo) => ({ drugName, daysAgo, daysSupply: 30 }));
      return {
        trigger: t,
        nearMiss: near(
          (n) => (n.fills = Array.from({ length: 11 }, (_, i) => ({ drugName, daysAgo: 5 + i * 30, daysSupply: 30 }))),
        ),
      };
    }
    case 'lateRefill': {
      const x = singles.find((d) => d.name === 'lisinopril')!;
      t.fills = [130, 100, 70].map((daysAgo) => ({ drugName: `${x.name} 10 MG TAB`, daysAgo, daysSupply: 30 }));
      return {
        trigger: t,
        nearMiss: near(
          (n) =>
            (n.fills = [62, 32, 2].map((daysAgo) => ({ drugName: `${x.name} 10 MG TAB`, daysAgo, daysSupply: 30 }))),
        ),
      };
    }
  }
}

export function ruleCases(rules: readonly LoadedRule[] = BUNDLED.rules): {
  cases: RuleCases[];
  skipped: { id: string; why: string }[];
} {
  const out: RuleCases[] = [];
  const skipped: { id: string; why: string }[] = [];
  for (const rule of rules) {
    let c: ReturnType<typeof cases>;
    try {
      c = cases(rule);
    } catch (err) {
      c = (err as Error).message;
    }
    if (typeof c === 'string') skipped.push({ id: rule.id, why: c });
    else out.push({ rule, ...c });
  }
  return { cases: out, skipped };
}
