// The knowledge base's coverage: rules per family and per source, the vocabulary and conditions it
// knows, and which of the most-dispensed drugs no rule names (`npm run mtm -- knowledge`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Matcher, Rule } from '../../preload/schemas/checks';
import { ICD_CODES } from '../../preload/schemas/clinical';
import sources from '../../resources/knowledge/sources.json';
import { BUNDLED_DRUGS, DRUG_CLASSES, recogniseBundled } from '../medications/vocabulary/bundled';
import { CONDITION_GROUPS } from './condition-groups';
import { BUNDLED, type Knowledge } from './knowledge-base';
import { partsOf } from './medicine';
import { tokensOfParts } from './matchers';

/** Every matcher a rule uses, whatever its family. */
function matchersOf(r: Rule): Matcher[] {
  const out: (Matcher | undefined)[] = [];
  if ('when' in r && r.when && 'taking' in r.when) out.push(r.when.taking);
  switch (r.family) {
    case 'interaction':
      out.push(r.a, r.b, r.c);
      break;
    case 'duplication':
      out.push(r.members);
      break;
    case 'missingTherapy':
      out.push(r.missing, r.when.fills?.match);
      break;
    case 'overuse':
      out.push(r.fills.match);
      break;
    case 'adherence':
      out.push({ classes: r.classes });
      break;
    case 'lateRefill':
      break;
    default:
      out.push(r.match);
  }
  return out.filter((m): m is Matcher => Boolean(m));
}

export interface Coverage {
  rules: number;
  byFamily: Record<string, number>;
  bySource: { source: string; document: string; rules: number }[];
  vocabulary: { entries: number; withRxcui: number; combinations: number; classes: number };
  conditions: { codes: number; groups: number };
  top300: { listed: number; notInVocabulary: string[]; withoutRule: string[] };
}

const TOP_300 = fileURLToPath(new URL('../../resources/drugs/top-300.txt', import.meta.url));

/**
 * Each line of the top-300 list (comment lines start with #): ClinCalc's name, and the vocabulary
 * entries it stands for — its ingredients, separated by "; ", or those named after a tab.
 */
export function top300(): { name: string; entries: string[] }[] {
  return readFileSync(TOP_300, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [name, mapped] = l.split('\t');
      return {
        name: name!.trim(),
        entries: (mapped ?? name!)
          .split(';')
          .map((e) => e.trim())
          .filter(Boolean),
      };
    });
}

/** The vocabulary entry of one ingredient as ClinCalc names it ("Amphetamine Aspartate" is amphetamine). */
const entryOf = (name: string) =>
  recogniseBundled(name) ??
  recogniseBundled(name.replace(/\b(saccharate|aspartate|sulfate|hydrochloride|sodium|potassium)\b/gi, ''));

export function coverage(k: Knowledge = BUNDLED): Coverage {
  const byFamily: Record<string, number> = {};
  const bySource = new Map<string, number>();
  const named = new Set<string>();
  for (const r of k.rules) {
    byFamily[r.family] = (byFamily[r.family] ?? 0) + 1;
    bySource.set(r.source ?? '(none)', (bySource.get(r.source ?? '(none)') ?? 0) + 1);
    for (const m of matchersOf(r)) for (const t of k.matchers.tokensOf(m)) named.add(t);
  }
  const names = top300();
  const notInVocabulary: string[] = [];
  const withoutRule: string[] = [];
  for (const { name, entries } of names) {
    const drugs = entries.map(entryOf);
    if (drugs.some((d) => !d)) {
      notInVocabulary.push(name);
      continue;
    }
    const tokens = drugs.flatMap((d) => [`ing:${d!.name}`, ...tokensOfParts(partsOf(d!.name))]);
    if (!tokens.some((t) => named.has(t))) withoutRule.push(name);
  }
  const documents: Record<string, { document: string }> = sources.sources;
  return {
    rules: k.rules.length,
    byFamily,
    bySource: [...bySource]
      .map(([source, rules]) => ({ source, document: documents[source]?.document ?? '', rules }))
      .sort((a, b) => b.rules - a.rules),
    vocabulary: {
      entries: BUNDLED_DRUGS.length,
      withRxcui: BUNDLED_DRUGS.filter((d) => d.rxcui).length,
      combinations: BUNDLED_DRUGS.filter((d) => partsOf(d.name).length > 1).length,
      classes: DRUG_CLASSES.length,
    },
    conditions: { codes: ICD_CODES.length, groups: CONDITION_GROUPS.length },
    top300: { listed: names.length, notInVocabulary, withoutRule },
  };
}
