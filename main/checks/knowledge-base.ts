// The rules the checks run: the bundled files in resources/knowledge (linted at start-up: a bad
// bundled rule stops the app, and fails a test) plus a pharmacy's own files from the knowledge
// folder in its data folder (a bad local file is skipped and reported, never half-used).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupFileSchema, ruleFileSchema, type DrugGroup, type Rule } from '../../preload/schemas/checks';
import { BUNDLED_GROUP_FILES, BUNDLED_RULE_FILES } from './bundled-knowledge';
import { lintGroups, lintRules } from './knowledge-lint';
import { MatcherSet, tokensOfMedicine } from './matchers';
import type { Picture } from './clinical-picture';

export type LoadedRule = Rule & { local: boolean; file: string };

/** The primary matcher of a rule: the rule can only fire when a current medicine matches it. */
function anchorOf(r: Rule) {
  if (r.family === 'interaction') return r.a;
  if (r.family === 'duplication') return r.members;
  if (
    r.family === 'renal' ||
    r.family === 'olderAdult' ||
    r.family === 'diseaseDrug' ||
    r.family === 'dose' ||
    r.family === 'burden' ||
    r.family === 'pharmacogenomic'
  )
    return r.match;
  return null;
}

/**
 * A care gap can only fire for a patient with one of its conditions: its tokens ("cond:heartFailure", "core:diabetes",
 * "icd:E11").
 */
function conditionAnchorOf(r: Rule): string[] {
  if (r.family !== 'missingTherapy' && r.family !== 'overuse') return [];
  const w = r.when;
  return [
    ...(w.conditions ?? []).map((c) => `cond:${c}`),
    ...(w.diseases ?? []).map((d) => `core:${d}`),
    ...(w.icdPrefixes ?? []).map((x) => `icd:${x}`),
  ];
}

/** A patient's condition tokens: the groups, the core chronic diseases and every prefix of every code. */
function conditionTokens(p: Picture): string[] {
  const out = [...[...p.conditionGroups].map((g) => `cond:${g}`), ...[...p.coreDiseases].map((d) => `core:${d}`)];
  for (const code of p.codes) for (let n = 1; n <= code.length; n++) out.push(`icd:${code.slice(0, n)}`);
  return out;
}

/** A set of rules with its groups, and indexes from medicine and condition tokens to the rules they can trigger. */
export class Knowledge {
  readonly matchers: MatcherSet;
  private readonly byToken = new Map<string, LoadedRule[]>();
  private readonly byCondition = new Map<string, LoadedRule[]>();
  private readonly always: LoadedRule[] = [];

  constructor(
    readonly rules: readonly LoadedRule[],
    readonly groups: ReadonlyMap<string, DrugGroup>,
    readonly version: string,
  ) {
    this.matchers = new MatcherSet(groups);
    const index = (map: Map<string, LoadedRule[]>, t: string, r: LoadedRule) => map.set(t, [...(map.get(t) ?? []), r]);
    for (const r of rules) {
      const conditions = conditionAnchorOf(r);
      const anchor =
        anchorOf(r) ?? (r.family === 'missingTherapy' && !conditions.length ? (r.when.taking ?? null) : null);
      if (conditions.length) for (const t of conditions) index(this.byCondition, t, r);
      else if (anchor) for (const t of this.matchers.tokensOf(anchor)) index(this.byToken, t, r);
      else this.always.push(r);
    }
  }

  private readonly byKey = new Map<string, LoadedRule[]>();
  /** The rules one vocabulary entry can trigger (worked out once per entry). */
  private rulesOf(m: Picture['medicines'][number]): LoadedRule[] {
    let rules = this.byKey.get(m.key);
    if (!rules)
      this.byKey.set(m.key, (rules = [...new Set(tokensOfMedicine(m).flatMap((t) => this.byToken.get(t) ?? []))]));
    return rules;
  }

  private readonly byMedicines = new Map<string, LoadedRule[]>();
  private readonly byConditions = new Map<string, LoadedRule[]>();
  /**
   * The rules a patient can trigger: those of their medicines, those of their conditions, and those
   * that look at fills alone. Patients with the same medicines (or conditions) share the answer.
   */
  candidates(p: Picture): LoadedRule[] {
    const meds = p.medicines.map((m) => m.key).join('\u0000');
    let byMeds = this.byMedicines.get(meds);
    if (!byMeds) {
      const out = new Set<LoadedRule>();
      for (const m of p.medicines) for (const r of this.rulesOf(m)) out.add(r);
      if (this.byMedicines.size > 20_000) this.byMedicines.clear();
      this.byMedicines.set(meds, (byMeds = [...out]));
    }
    const conds = p.codes.join('\u0000');
    let byConds = this.byConditions.get(conds);
    if (!byConds) {
      const out = new Set<LoadedRule>();
      for (const t of conditionTokens(p)) for (const r of this.byCondition.get(t) ?? []) out.add(r);
      if (this.byConditions.size > 20_000) this.byConditions.clear();
      this.byConditions.set(conds, (byConds = [...out]));
    }
    return [...this.always, ...byMeds, ...byConds];
  }

  with(extra: LoadedRule[]): Knowledge {
    return extra.length
      ? new Knowledge([...this.rules, ...extra], this.groups, `${this.version} + ${extra.length} local`)
      : this;
  }
}

/** Parses one rule file; returns its rules or the problems (shape first, then the lint). */
export function checkRuleFile(
  raw: unknown,
  file: string,
  local: boolean,
  groups: ReadonlyMap<string, DrugGroup> = BUNDLED_GROUPS,
): { rules: LoadedRule[]; problems: string[] } {
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success)
    return { rules: [], problems: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`) };
  const rules = parsed.data.rules.map((r) => ({ ...r, local, file }));
  const problems = lintRules(rules, groups, { bundled: !local });
  return problems.length ? { rules: [], problems } : { rules, problems: [] };
}

function loadGroups(): Map<string, DrugGroup> {
  const problems: string[] = [];
  const groups = new Map<string, DrugGroup>();
  for (const [file, raw] of Object.entries(BUNDLED_GROUP_FILES)) {
    const parsed = groupFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    for (const g of parsed.data.groups) {
      if (groups.has(g.id)) problems.push(`${file}: group ${g.id} is defined twice`);
      groups.set(g.id, g);
    }
  }
  problems.push(...lintGroups(groups));
  if (problems.length) throw new Error(`The bundled drug groups are invalid:\n${problems.join('\n')}`);
  return groups;
}

export const BUNDLED_GROUPS: ReadonlyMap<string, DrugGroup> = loadGroups();

function loadBundled(): Knowledge {
  const problems: string[] = [];
  const rules: LoadedRule[] = [];
  for (const [file, raw] of Object.entries(BUNDLED_RULE_FILES)) {
    const parsed = ruleFileSchema.safeParse(raw);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
    else rules.push(...parsed.data.rules.map((r) => ({ ...r, local: false, file })));
  }
  problems.push(...lintRules(rules, BUNDLED_GROUPS, { bundled: true }));
  if (problems.length) throw new Error(`The bundled knowledge base is invalid:\n${problems.join('\n')}`);
  const version = Object.entries(BUNDLED_RULE_FILES)
    .map(([file, raw]) => `${file.replace(/\.json$/, '')} ${(raw as { version: string }).version}`)
    .join(', ');
  return new Knowledge(rules, BUNDLED_GROUPS, version);
}

export const BUNDLED: Knowledge = loadBundled();
export const BUNDLED_RULES: readonly LoadedRule[] = BUNDLED.rules;
export const KNOWLEDGE_VERSION = BUNDLED.version;

/** The pharmacy's own rule files; ids must not reuse a bundled id (a local rule adds, it never silently replaces). */
export function loadLocalRules(folder: string): { rules: LoadedRule[]; problems: string[] } {
  if (!existsSync(folder)) return { rules: [], problems: [] };
  const bundledIds = new Set(BUNDLED_RULES.map((r) => r.id));
  const out = { rules: [] as LoadedRule[], problems: [] as string[] };
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (err) {
      out.problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const checked = checkRuleFile(raw, file, true);
    const clashes = checked.rules
      .filter((r) => bundledIds.has(r.id))
      .map((r) => `${file}: rule id ${r.id} is already a bundled rule; give local rules their own ids`);
    if (clashes.length) out.problems.push(...clashes);
    else {
      out.rules.push(...checked.rules);
      out.problems.push(...checked.problems);
    }
  }
  return out;
}

/** The bundled knowledge with the pharmacy's own rules added. */
export function knowledgeFor(folder: string): { knowledge: Knowledge; problems: string[] } {
  const local = loadLocalRules(folder);
  return { knowledge: BUNDLED.with(local.rules), problems: local.problems };
}
