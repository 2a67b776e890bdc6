// Which ingredient a fill is for, from its NDC (when an RxNorm release with NDCs is loaded) or from
// the start of the dispensing system's drug description. The key is the bundled vocabulary name when
// there is one (it carries the class, hence the Part D maintenance flag), else the RxNorm name.
import type { DataSource } from 'typeorm';
import type { Row } from '../../db/rows';
import { all, one, run, sql, type Q } from '../../db/sql';
import { BUNDLED_DRUGS, normalizeDrugText, recogniseBundled } from './bundled';

export interface FillDrug {
  ndc: string | null;
  drugName: string | null;
}

const byRxcui = new Map(BUNDLED_DRUGS.filter((d) => d.rxcui).map((d) => [d.rxcui!, d.name]));
const pairKey = (f: FillDrug) => `${f.ndc ?? ''}|${f.drugName ?? ''}`;

async function ingredientKey(q: Q, drugRxcui: string): Promise<string | null> {
  const rows = await all<Pick<Row<'rxn_concepts'>, 'rxcui' | 'name'>>(
    q,
    sql`
    SELECT c.rxcui, lower(c.name) AS name
    FROM rxn_drug_ingredients i JOIN rxn_concepts c ON c.rxcui = i.ingredient_rxcui
    WHERE i.drug_rxcui = ${drugRxcui} ORDER BY c.name`,
  );
  if (!rows.length) return null;
  return rows.map((r) => byRxcui.get(r.rxcui) ?? r.name).join(' / ');
}

async function keyFor(q: Q, f: FillDrug): Promise<string | null> {
  if (f.ndc) {
    const hit = await one<Pick<Row<'rxn_ndcs'>, 'rxcui'>>(q, sql`SELECT rxcui FROM rxn_ndcs WHERE ndc = ${f.ndc}`);
    const key = hit && (await ingredientKey(q, hit.rxcui));
    if (key) return key;
  }
  if (!f.drugName) return null;
  const bundled = recogniseBundled(f.drugName);
  if (bundled) return bundled.name;
  // Longest leading run of words that is an RxNorm ingredient or brand name.
  const words = normalizeDrugText(f.drugName).split(' ');
  for (let n = Math.min(4, words.length); n > 0; n--) {
    // COLLATE NOCASE as the name index (idx_rxn_concepts_name) is built.
    const hit = await one<Pick<Row<'rxn_concepts'>, 'rxcui' | 'tty'>>(
      q,
      sql`
      SELECT rxcui, tty FROM rxn_concepts
      WHERE name = ${words.slice(0, n).join(' ')} COLLATE NOCASE AND tty IN ('IN', 'BN')
      ORDER BY tty DESC LIMIT 1`,
    );
    if (hit)
      return hit.tty === 'IN' ? (byRxcui.get(hit.rxcui) ?? words.slice(0, n).join(' ')) : ingredientKey(q, hit.rxcui);
  }
  return null;
}

/** Keys for many fills at once; each distinct NDC and description is looked up once. */
export async function recogniseFills(q: Q, fills: FillDrug[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const f of fills) {
    const k = pairKey(f);
    // Commas separate keys in the screening query's group_concat.
    if (!out.has(k)) out.set(k, (await keyFor(q, f))?.replaceAll(',', ' ') ?? null);
  }
  return out;
}

export const recognisedKey = (keys: Map<string, string | null>, f: FillDrug) => keys.get(pairKey(f)) ?? null;

/** Codes the fills not yet recognised (after an RxNorm load, or fills imported before recognition existed). */
export async function recodeFills(db: DataSource): Promise<number> {
  // Read through the partial index of unrecognised fills: nothing to do costs nothing (the worklist asks every run).
  const pending = await all<FillDrug>(
    db,
    sql`
    SELECT DISTINCT ndc, drug_name AS "drugName" FROM fills WHERE drug_key IS NULL`,
  );
  if (!pending.length) return 0;
  const uncoded = async () =>
    (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM fills WHERE drug_key IS NULL`))!.n;
  const before = await uncoded();
  const keys = await recogniseFills(db.manager, pending);
  await db.transaction(async (em) => {
    for (const f of pending) {
      const key = recognisedKey(keys, f);
      // IS NOT DISTINCT FROM matches NULL to NULL, in SQLite (which reads it as IS) and PostgreSQL alike.
      if (key) {
        await run(
          em,
          sql`
          UPDATE fills SET drug_key = ${key}
          WHERE drug_key IS NULL AND ndc IS NOT DISTINCT FROM ${f.ndc} AND drug_name IS NOT DISTINCT FROM ${f.drugName}`,
        );
      }
    }
  });
  return before - (await uncoded());
}
