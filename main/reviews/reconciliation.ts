// Medication reconciliation: every product from every source, grouped by the ingredients it
// contains, so the pharmacist sees side by side what matches, what only one source knows, and
// where strength or directions differ (including a combination product taken as separate ones).
import { SOURCE_LABELS } from '../../preload/schemas/medications';
import type { ReconciliationEntry, ReconciliationLine } from '../../preload/schemas/reviews';
import { currentFillOn } from '../checks/current-fills';
import { all, sql, type Q } from '../db/sql';
import { parseSig } from '../medications/sig/parse-sig';
import { normalizeDrugText, productIngredients } from '../medications/vocabulary/bundled';

const squash = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
const words = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.$/, '');
/**
 * Directions compared by what they say to do — how much, how often, when, as needed — so the fill's "1 PO QD"
 * and the list's "Take 1 tablet daily" agree; directions the sig table cannot read wholly are compared as words.
 */
function meaning(s: string | null | undefined): string {
  const p = parseSig(words(s));
  if (p.unknown.length || !p.frequency || !p.dose) return words(s);
  return JSON.stringify([p.dose, p.frequency.min, p.frequency.max, p.frequency.times, p.prn]);
}

const ingredientsOf = (e: ReconciliationEntry): string[] => productIngredients(e.rxcui, e.product);

/** "strength 10 mg (Our pharmacy fills) vs 20 mg (Patient reported)", when the sources that state it disagree. */
function disagreement(
  what: string,
  entries: ReconciliationEntry[],
  value: (e: ReconciliationEntry) => string | null | undefined,
  same: (s: string | null | undefined) => string,
): string[] {
  const stated = entries.filter((e) => value(e));
  if (new Set(stated.map((e) => same(value(e)))).size < 2) return [];
  return [`${what}: ${stated.map((e) => `${value(e)} (${SOURCE_LABELS[e.source]})`).join(' vs ')}`];
}

export function reconcile(entries: ReconciliationEntry[]): ReconciliationLine[] {
  const groups = new Map<string, { key: string; ingredients: string[]; entries: ReconciliationEntry[] }>();
  for (const e of entries) {
    const ingredients = ingredientsOf(e);
    // A product the vocabulary does not know stays on a line of its own name.
    const key = ingredients.length ? ingredients.join(' + ') : `?${normalizeDrugText(e.product)}`;
    const g = groups.get(key) ?? { key, ingredients, entries: [] };
    g.entries.push(e);
    groups.set(key, g);
  }
  const lines: ReconciliationLine[] = [...groups.values()].map((g) => {
    const sources = new Set(g.entries.map((e) => e.source));
    const differences =
      sources.size < 2
        ? []
        : [
            ...disagreement('strength', g.entries, (e) => e.strength, squash),
            ...disagreement('directions', g.entries, (e) => e.sig, meaning),
          ];
    return {
      key: g.key,
      ingredients: g.ingredients,
      entries: g.entries,
      status: sources.size < 2 ? 'onlyOne' : differences.length ? 'different' : 'matched',
      differences,
    };
  });
  // A combination in one source and its parts as separate products in another are the same therapy, differently.
  for (const combo of lines.filter((l) => l.ingredients.length > 1)) {
    const parts = lines.filter(
      (l) => l !== combo && l.ingredients.length > 0 && l.ingredients.every((i) => combo.ingredients.includes(i)),
    );
    if (!parts.length) continue;
    const where = (ls: ReconciliationLine[]) =>
      [...new Set(ls.flatMap((l) => l.entries.map((e) => SOURCE_LABELS[e.source])))].join(', ');
    const note = `taken as a combination (${where([combo])}) and as separate products (${where(parts)})`;
    for (const l of [combo, ...parts]) {
      l.status = 'different';
      l.differences.push(note);
    }
  }
  const label = (l: ReconciliationLine) => l.ingredients.join(' + ') || l.entries[0]!.product;
  return lines.sort((a, b) => label(a).localeCompare(label(b)));
}

/**
 * The pharmacy's side: one entry per drug still current on `today`, with the strength, directions and prescriber
 * of its latest fill (the label the patient holds now; NULL when that export did not carry them, or the prescriber
 * is not on file).
 */
export async function pharmacyFillEntries(q: Q, patientId: string, today: string): Promise<ReconciliationEntry[]> {
  return all<ReconciliationEntry>(
    q,
    sql`SELECT 'pharmacyFill' AS source, product, strength, sig,
          (SELECT id FROM prescribers WHERE npi = prescriber_npi LIMIT 1) AS prescriberId FROM (
          SELECT coalesce(max(drug_name) OVER drug, drug_key) AS product, strength, sig, prescriber_npi,
            row_number() OVER (drug ORDER BY fill_date DESC, fill_number DESC) AS latest
          FROM fills WHERE patient_id = ${patientId} AND ${currentFillOn(today)}
          WINDOW drug AS (PARTITION BY coalesce(drug_key, drug_name))) AS current_fills
        WHERE latest = 1`,
  );
}
