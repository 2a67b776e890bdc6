// The drug vocabulary shipped in resources/drugs, checked on load: a broken file stops the app at
// start-up (and fails a test) instead of coding a patient's medicine wrongly.
import classesFile from '../../../resources/drugs/classes.json';
import vocabularyFile from '../../../resources/drugs/vocabulary.json';
import { drugClassesFileSchema, vocabularyFileSchema, type VocabularyFile } from '../../../preload/schemas/drugs';

export type BundledDrug = VocabularyFile['drugs'][number];
export interface DrugClass {
  code: string;
  name: string;
  maintenance: boolean;
}

/**
 * Lower case, punctuation to spaces, "and"/"with" dropped: "Hydrocodone-APAP" and "hydrocodone and acetaminophen"
 * compare word by word.
 */
export function normalizeDrugText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && w !== 'and' && w !== 'with')
    .join(' ');
}

/**
 * The names an entry answers to: the generic name, a parenthesised alias ("vitamin D3"), the abbreviations pharmacists
 * type ("HCTZ"), and its brands.
 */
function termsOf(d: BundledDrug): { term: string; brand: string | null; weight: number }[] {
  const [main, alias] = d.name.split(/\s*\((.*)\)\s*$/);
  return [
    { term: normalizeDrugText(main!), brand: null, weight: 0 },
    ...(alias ? [{ term: normalizeDrugText(alias), brand: null, weight: 1 }] : []),
    ...(d.aliases ?? []).map((a) => ({ term: normalizeDrugText(a), brand: null, weight: 1 })),
    ...d.brands.map((b) => ({ term: normalizeDrugText(b.replace(/\s*\(.*\)$/, '')), brand: b, weight: 2 })),
  ];
}

/** Parses both files and checks every cross-reference; throws naming each problem. */
export function checkVocabulary(classesJson: unknown, vocabularyJson: unknown) {
  const classes = drugClassesFileSchema.parse(classesJson);
  const vocabulary = vocabularyFileSchema.parse(vocabularyJson);
  const problems: string[] = [];
  const byName = new Map<string, BundledDrug>();
  for (const d of vocabulary.drugs) {
    if (byName.has(d.name)) problems.push(`${d.name}: listed twice`);
    byName.set(d.name, d);
    if (!classes.classes[d.class]) problems.push(`${d.name}: unknown class ${d.class}`);
    for (const s of [...d.sources, ...(d.clinicalDrugs ?? []).map((c) => c.source)])
      if (!vocabulary.sources[s]) problems.push(`${d.name}: unknown source ${s}`);
    if (d.rxcui && !d.sources.some((s) => s !== 'who-atc' && s !== 'fda-names' && s !== 'nih-ods'))
      problems.push(`${d.name}: RxCUI without a source that states it`);
  }
  const terms = vocabulary.drugs.flatMap((d) => termsOf(d).map((t) => ({ ...t, drug: d })));
  const owner = new Map<string, string>();
  for (const t of terms) {
    const other = owner.get(t.term);
    if (other && other !== t.drug.name) problems.push(`"${t.term}" names both ${other} and ${t.drug.name}`);
    owner.set(t.term, t.drug.name);
  }
  if (problems.length) throw new Error(`resources/drugs/vocabulary.json is invalid:\n${problems.join('\n')}`);
  return { classes, vocabulary, terms };
}

function load() {
  const { classes, vocabulary, terms: named } = checkVocabulary(classesFile, vocabularyFile);
  const byName = new Map(vocabulary.drugs.map((d) => [d.name, d]));
  // A brand's first word alone ("Advair" of "Advair Diskus", "Spiriva" of "Spiriva Respimat") when no other entry
  // begins with it.
  const owners = new Map<string, Set<string>>();
  for (const t of named) {
    const first = t.term.split(' ')[0]!;
    owners.set(first, (owners.get(first) ?? new Set()).add(t.drug.name));
  }
  const known = new Set(named.map((t) => t.term));
  const shortBrands = named.filter(
    (t) =>
      t.brand &&
      t.term.includes(' ') &&
      owners.get(t.term.split(' ')[0]!)!.size === 1 &&
      !known.has(t.term.split(' ')[0]!),
  );
  const terms = [
    ...named,
    ...[
      ...new Map(
        shortBrands.map((t) => [t.term.split(' ')[0]!, { ...t, term: t.term.split(' ')[0]!, weight: 3 }]),
      ).values(),
    ],
  ];
  // Longest names first, so "insulin glargine" wins over a shorter name that also fits.
  const byFirstWord = new Map<string, typeof terms>();
  for (const t of [...terms].sort((a, b) => b.term.length - a.term.length)) {
    const first = t.term.split(' ')[0]!;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), t]);
  }
  return { classes, vocabulary, byName, terms, byFirstWord };
}

const bundled = load();

export const BUNDLED_VERSION = bundled.vocabulary.version;
export const BUNDLED_DRUGS: readonly BundledDrug[] = bundled.vocabulary.drugs;
export const bundledDrug = (name: string): BundledDrug | undefined => bundled.byName.get(name);

export function drugClass(code: string): DrugClass | null {
  const c = bundled.classes.classes[code];
  return c ? { code, ...c } : null;
}

export const DRUG_CLASSES: readonly DrugClass[] = Object.entries(bundled.classes.classes).map(([code, c]) => ({
  code,
  ...c,
}));

/**
 * Entries whose generic name, alias, brand, or any word of them starts with the query; generic names, then aliases,
 * then brands.
 */
export function searchBundled(query: string, limit: number): { drug: BundledDrug; matchedBrand: string | null }[] {
  const q = normalizeDrugText(query);
  if (!q) return [];
  const rank = (term: string) => (term.startsWith(q) ? 0 : ` ${term}`.includes(` ${q}`) ? 1 : -1);
  const best = new Map<string, { drug: BundledDrug; matchedBrand: string | null; score: number }>();
  for (const t of bundled.terms) {
    const r = rank(t.term);
    if (r < 0) continue;
    const score = r * 3 + t.weight;
    const seen = best.get(t.drug.name);
    if (!seen || score < seen.score) best.set(t.drug.name, { drug: t.drug, matchedBrand: t.brand, score });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.drug.name.localeCompare(b.drug.name))
    .slice(0, limit)
    .map(({ drug, matchedBrand }) => ({ drug, matchedBrand }));
}

// An RxCUI on a medication list may be the ingredient or one of its bundled clinical drugs.
const ingredientOfRxcui = new Map(
  BUNDLED_DRUGS.flatMap((d) => [
    ...(d.rxcui ? [[d.rxcui, d.name] as const] : []),
    ...(d.clinicalDrugs ?? []).map((c) => [c.rxcui, d.name] as const),
  ]),
);

/** The bundled ingredient a medication-list entry is: by its RxCUI, else by its name (each distinct name read once). */
const listed = new Map<string, string | null>();
export function listedIngredient(rxcui: string | null, product: string): string | null {
  const byCode = rxcui && ingredientOfRxcui.get(rxcui);
  if (byCode) return byCode;
  let name = listed.get(product);
  if (name === undefined) {
    if (listed.size > 50_000) listed.clear();
    listed.set(product, (name = recogniseBundled(product)?.name ?? null));
  }
  return name;
}

/** The bundled entry a dispensing system's drug description starts with ("ATORVASTATIN 40MG TAB", "Lipitor 10 mg"). */
export function recogniseBundled(description: string): BundledDrug | null {
  const text = normalizeDrugText(description);
  const candidates = bundled.byFirstWord.get(text.split(' ')[0] ?? '') ?? [];
  return candidates.find((t) => text === t.term || text.startsWith(`${t.term} `))?.drug ?? null;
}

/** Whether an ingredient's class falls under any of the given ATC codes (cached: the population pass asks often). */
const classCache = new Map<string, string | null>();
export function classOfIngredient(ingredient: string): string | null {
  if (!classCache.has(ingredient)) classCache.set(ingredient, bundledDrug(ingredient)?.class ?? null);
  return classCache.get(ingredient)!;
}
export const ingredientInClasses = (ingredient: string, classes: readonly string[]) => {
  const code = classOfIngredient(ingredient);
  return code !== null && classes.some((c) => code.startsWith(c));
};

/** Whether an ingredient key is a Part D maintenance drug (combinations: if any ingredient is). */
const maintenanceCache = new Map<string, boolean>();
export function isMaintenanceDrug(key: string): boolean {
  let known = maintenanceCache.get(key);
  if (known === undefined) {
    known = key.split(' / ').some((part) => {
      const d = bundledDrug(part);
      return Boolean(d && drugClass(d.class)?.maintenance);
    });
    maintenanceCache.set(key, known);
  }
  return known;
}

/** The single ingredients a vocabulary name stands for ("hydrocodone and acetaminophen" → both). */
export const ingredientParts = (name: string) => name.replace(/\s*\(.*\)$/, '').split(/, | and | \/ /);

/** Every vocabulary ingredient named anywhere in a product description ("lisinopril-hydrochlorothiazide 20-12.5"). */
export function ingredientsIn(description: string): string[] {
  const words = normalizeDrugText(description).split(' ');
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    const hit = (bundled.byFirstWord.get(words[i]!) ?? []).find(
      (t) => rest === t.term || rest.startsWith(`${t.term} `),
    );
    if (!hit) continue;
    for (const part of ingredientParts(hit.drug.name)) found.add(part);
    i += hit.term.split(' ').length - 1;
  }
  return [...found].sort();
}

/** The sorted single ingredients of a product: from its RxCUI when coded, else from its name. */
export function productIngredients(rxcui: string | null | undefined, product: string): string[] {
  const coded = rxcui ? listedIngredient(rxcui, product) : null;
  return coded ? ingredientParts(coded).sort() : ingredientsIn(product);
}
