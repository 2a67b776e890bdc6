// The rules the checks run: the bundled files in resources/knowledge (checked at start-up: a bad
// bundled rule stops the app, and fails a test) plus a pharmacy's own files from the knowledge
// folder in its data folder (a bad local file is skipped and reported, never half-used).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import adherence from '../../resources/knowledge/adherence.json';
import burden from '../../resources/knowledge/burden.json';
import renal from '../../resources/knowledge/renal.json';
import careGaps from '../../resources/knowledge/care-gaps.json';
import olderAdults from '../../resources/knowledge/older-adults.json';
import pharmacogenomics from '../../resources/knowledge/pharmacogenomics.json';
import duplications from '../../resources/knowledge/duplications.json';
import interactions from '../../resources/knowledge/interactions.json';
import { PGX_RESULTS, ruleFileSchema, type Matcher, type Rule } from '../../preload/schemas/checks';
import { CORE_DISEASE_IDS } from '../../preload/schemas/eligibility';
import { bundledDrug, DRUG_CLASSES, drugClass } from '../medications/vocabulary/bundled';

export type LoadedRule = Rule & { local: boolean };

function matcherProblems(m: Matcher, where: string): string[] {
  return [
    ...(m.ingredients ?? []).filter((i) => !bundledDrug(i)).map((i) => `${where}: "${i}" is not an ingredient in the drug vocabulary`),
    // A class may be named at a higher ATC level ("A10B") when some bundled class falls under it.
    ...(m.classes ?? []).filter((c) => !drugClass(c) && !DRUG_CLASSES.some((k) => k.code.startsWith(c))).map((c) => `${where}: "${c}" is not a class in resources/drugs/classes.json`),
  ];
}

/** Parses one rule file and checks every name it uses; returns the rules or the problems. */
export function checkRuleFile(raw: unknown, file: string, local: boolean): { rules: LoadedRule[]; problems: string[] } {
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) return { rules: [], problems: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`) };
  const problems = parsed.data.rules.flatMap((r) => {
    const where = `${file} ${r.id}`;
    if (r.family === 'interaction') return [...matcherProblems(r.a, `${where} (a)`), ...matcherProblems(r.b, `${where} (b)`)];
    if (r.family === 'duplication') return matcherProblems(r.members, where);
    if (r.family === 'renal') return matcherProblems(r.match, where);
    if (r.family === 'pharmacogenomic') return [...matcherProblems(r.match, where), ...r.results.filter((x) => !PGX_RESULTS[r.gene]!.includes(x)).map((x) => `${where}: "${x}" is not a ${r.gene} result term`)];
    if (r.family === 'lateRefill') return [];
    if (r.family === 'olderAdult') return [...matcherProblems(r.match, where), ...(r.unless ? matcherProblems(r.unless, `${where} (unless)`) : [])];
    if (r.family === 'missingTherapy' || r.family === 'overuse') {
      const diseases = [...(r.when.diseases ?? []), ...(r.family === 'missingTherapy' ? (r.excludeDiseases ?? []) : [])];
      return [
        ...(r.family === 'missingTherapy' ? matcherProblems(r.missing, where) : matcherProblems(r.fills.match, where)),
        ...(r.when.fills ? matcherProblems(r.when.fills.match, `${where} (when)`) : []),
        ...diseases.filter((d) => !CORE_DISEASE_IDS.includes(d)).map((d) => `${where}: "${d}" is not a core chronic disease id`),
      ];
    }
    return [
      ...matcherProblems({ classes: [...r.classes, ...(r.excludeClasses ?? [])] }, where),
      ...(r.excludeConditions ?? []).filter((c) => !CORE_DISEASE_IDS.includes(c)).map((c) => `${where}: "${c}" is not a core chronic disease id`),
    ];
  });
  const ids = parsed.data.rules.map((r) => r.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`${file}: rule id ${id} is used twice`);
  return problems.length ? { rules: [], problems } : { rules: parsed.data.rules.map((r) => ({ ...r, local })), problems: [] };
}

/** The burden lists name vocabulary ingredients and classes too; they are checked with the rules. */
export const burdenProblems = () => [...matcherProblems(burden.cnsActive, 'burden.json cnsActive'), ...matcherProblems(burden.anticholinergic, 'burden.json anticholinergic')];

function loadBundled(): LoadedRule[] {
  const files = { 'interactions.json': interactions, 'duplications.json': duplications, 'renal.json': renal, 'adherence.json': adherence, 'care-gaps.json': careGaps, 'older-adults.json': olderAdults, 'pharmacogenomics.json': pharmacogenomics };
  const results = Object.entries(files).map(([file, raw]) => checkRuleFile(raw, `resources/knowledge/${file}`, false));
  const problems = [...results.flatMap((r) => r.problems), ...burdenProblems()];
  if (problems.length) throw new Error(`The bundled knowledge base is invalid:\n${problems.join('\n')}`);
  return results.flatMap((r) => r.rules);
}

export const BUNDLED_RULES: readonly LoadedRule[] = loadBundled();
export const KNOWLEDGE_VERSION = `interactions ${interactions.version}, duplications ${duplications.version}, renal ${renal.version}, adherence ${adherence.version}, care gaps ${careGaps.version}, older adults ${olderAdults.version}, pharmacogenomics ${pharmacogenomics.version}`;

/** The pharmacy's own rule files; ids must not reuse a bundled id (a local rule adds, it never silently replaces). */
export function loadLocalRules(folder: string): { rules: LoadedRule[]; problems: string[] } {
  if (!existsSync(folder)) return { rules: [], problems: [] };
  const bundledIds = new Set(BUNDLED_RULES.map((r) => r.id));
  const out = { rules: [] as LoadedRule[], problems: [] as string[] };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (err) {
      out.problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const checked = checkRuleFile(raw, file, true);
    const clashes = checked.rules.filter((r) => bundledIds.has(r.id)).map((r) => `${file}: rule id ${r.id} is already a bundled rule; give local rules their own ids`);
    if (clashes.length) out.problems.push(...clashes);
    else {
      out.rules.push(...checked.rules);
      out.problems.push(...checked.problems);
    }
  }
  return out;
}
