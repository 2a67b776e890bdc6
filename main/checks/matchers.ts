// Matchers compiled once into sets (the population pass asks them millions of times): a matcher's
// ingredients, classes and groups become one set of tokens, and a medicine is the tokens of its
// ingredients ("ing:lisinopril") and of every prefix of their ATC classes ("atc:C09", "atc:C09AA").
import type { DrugGroup, Matcher } from '../../preload/schemas/checks';
import type { Medicine } from './medicine';

export interface Compiled {
  /** The matcher's own ingredients and classes. */
  tokens: Set<string>;
  /** Its groups, each with the group's own route and release limits. */
  groups: Compiled[];
  routes: Set<string> | null;
  notRoutes: Set<string> | null;
  release: 'immediate' | 'extended' | null;
  asNeeded: boolean | null;
  /** Answers already worked out, by medicine signature: the same product recurs across a pharmacy. */
  known: Map<string, boolean>;
}

export class MatcherSet {
  private readonly compiled = new WeakMap<Matcher, Compiled>();
  constructor(private readonly groups: ReadonlyMap<string, DrugGroup>) {}

  /** Every token a matcher can match, groups expanded: the index of rules by medicine is built from these. */
  tokensOf(m: Matcher, seen = new Set<string>()): Set<string> {
    const out = new Set<string>([
      ...(m.ingredients ?? []).map((i) => `ing:${i}`),
      ...(m.classes ?? []).map((c) => `atc:${c}`),
    ]);
    for (const id of m.groups ?? []) {
      const g = this.groups.get(id);
      if (!g || seen.has(id)) continue;
      seen.add(id);
      for (const t of this.tokensOf(g.members, seen)) out.add(t);
    }
    return out;
  }

  compile(m: Matcher, seen = new Set<string>()): Compiled {
    let c = this.compiled.get(m);
    if (!c) {
      const groups = (m.groups ?? []).flatMap((id) => {
        const g = this.groups.get(id);
        return g && !seen.has(id) ? [this.compile(g.members, new Set([...seen, id]))] : [];
      });
      c = {
        tokens: new Set([...(m.ingredients ?? []).map((i) => `ing:${i}`), ...(m.classes ?? []).map((x) => `atc:${x}`)]),
        groups,
        routes: m.routes ? new Set(m.routes) : null,
        notRoutes: m.notRoutes ? new Set(m.notRoutes) : null,
        release: m.release ?? null,
        asNeeded: m.asNeeded ?? null,
        known: new Map(),
      };
      this.compiled.set(m, c);
    }
    return c;
  }

  matches(m: Matcher, d: Medicine): boolean {
    return matchesCompiled(this.compile(m), d);
  }

  /** The medicines a matcher matches (a loop, not a filter closure: the population pass runs it millions of times). */
  matching(m: Matcher, medicines: readonly Medicine[]): Medicine[] {
    const c = this.compile(m);
    const out: Medicine[] = [];
    for (const d of medicines) if (matchesCompiled(c, d)) out.push(d);
    return out;
  }

  /** The ingredients of the medicine that the matcher names (for a dose rule: which amount to sum). */
  matchingParts(m: Matcher, d: Medicine): string[] {
    const c = this.compile(m);
    return d.parts.filter((p) => partMatches(c, p)).map((p) => p.ingredient);
  }
}

const partMatches = (c: Compiled, p: Medicine['parts'][number]): boolean =>
  partTokens(p).some((t) => c.tokens.has(t)) || c.groups.some((g) => partMatches(g, p));

function matchesCompiled(c: Compiled, d: Medicine): boolean {
  let answer = c.known.get(d.signature);
  if (answer === undefined) c.known.set(d.signature, (answer = decide(c, d)));
  return answer;
}

function decide(c: Compiled, d: Medicine): boolean {
  if (!tokensOfMedicine(d).some((t) => c.tokens.has(t)) && !c.groups.some((g) => matchesCompiled(g, d))) return false;
  // A product whose route is not known is taken to be the usual oral one.
  const route = d.route ?? 'oral';
  if (c.routes && !c.routes.has(route)) return false;
  if (c.notRoutes?.has(route)) return false;
  // Release not stated counts as immediate, and directions not stated as scheduled: the check errs towards asking.
  if (c.asNeeded !== null && (d.asNeeded ?? false) !== c.asNeeded) return false;
  return !c.release || (d.release ?? 'immediate') === c.release;
}

const partCache = new Map<string, string[]>();
function partTokens(p: Medicine['parts'][number]): string[] {
  const k = `${p.ingredient}|${p.classCode ?? ''}`;
  let t = partCache.get(k);
  if (!t) {
    t = [`ing:${p.ingredient}`];
    if (p.classCode) for (let n = 1; n <= p.classCode.length; n++) t.push(`atc:${p.classCode.slice(0, n)}`);
    partCache.set(k, t);
  }
  return t;
}
export const tokensOfParts = (parts: Medicine['parts']) => parts.flatMap(partTokens);

const medicineTokens = new WeakMap<Medicine, string[]>();
export function tokensOfMedicine(d: Medicine): string[] {
  let t = medicineTokens.get(d);
  // The entry itself too: a rule may name a fixed combination ("amphetamine and dextroamphetamine").
  if (!t) medicineTokens.set(d, (t = [`ing:${d.key}`, ...tokensOfParts(d.parts)]));
  return t;
}
