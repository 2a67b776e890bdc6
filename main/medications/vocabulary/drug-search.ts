// Drug search for the medication form: the bundled vocabulary first (it knows class, kind and
// brands), then whatever a loaded RxNorm release adds. Three letters of a brand or generic name.
import type { ClinicalDrug, DrugMatch, RxNormStatus } from '../../../preload/schemas/drugs';
import { escapeLike } from '../../common/like';
import type { Row } from '../../db/rows';
import { all, one, sql, type Q } from '../../db/sql';
import { BUNDLED_DRUGS, BUNDLED_VERSION, drugClass, searchBundled, type BundledDrug } from './bundled';
import { like } from '../../db/dialect';

const LIMIT = 15;
type Concept = Pick<Row<'rxn_concepts'>, 'rxcui' | 'name'>;

async function releaseClinicalDrugs(q: Q, ingredientRxcui: string): Promise<ClinicalDrug[]> {
  // Single-ingredient products first, then combinations, each by name.
  return all<ClinicalDrug>(
    q,
    sql`
    SELECT c.rxcui, c.name FROM rxn_drug_ingredients i JOIN rxn_concepts c ON c.rxcui = i.drug_rxcui AND c.tty = 'SCD'
    WHERE i.ingredient_rxcui = ${ingredientRxcui}
    ORDER BY (SELECT count(*) FROM rxn_drug_ingredients j WHERE j.drug_rxcui = c.rxcui), c.name LIMIT 60`,
  );
}

async function fromBundled(q: Q, drug: BundledDrug, matchedBrand: string | null): Promise<DrugMatch> {
  const cls = drugClass(drug.class);
  // COLLATE NOCASE as the name index (idx_rxn_concepts_name) is built.
  const release = drug.rxcui
    ? undefined
    : await one<Pick<Row<'rxn_concepts'>, 'rxcui'>>(
        q,
        sql`
        SELECT rxcui FROM rxn_concepts WHERE tty = 'IN' AND name = ${drug.name} COLLATE NOCASE`,
      );
  const rxcui = drug.rxcui ?? release?.rxcui ?? null;
  const bundledScd = (drug.clinicalDrugs ?? []).map(({ rxcui: r, name }) => ({ rxcui: r, name }));
  return {
    name: drug.name,
    rxcui,
    matchedBrand,
    brands: drug.brands,
    kind: drug.kind,
    alsoOtc: drug.alsoOtc ?? false,
    classCode: cls?.code ?? null,
    className: cls?.name ?? null,
    maintenance: cls?.maintenance ?? false,
    forms: drug.forms,
    clinicalDrugs: bundledScd.length || !rxcui ? bundledScd : await releaseClinicalDrugs(q, rxcui),
    origin: 'bundled',
  };
}

export async function searchDrugs(q: Q, query: string): Promise<DrugMatch[]> {
  const bundled = await Promise.all(searchBundled(query, LIMIT).map((h) => fromBundled(q, h.drug, h.matchedBrand)));
  const known = new Set(bundled.map((m) => m.rxcui).filter(Boolean));
  const knownNames = new Set(bundled.map((m) => m.name));
  const hits = await all<Concept & { tty: 'IN' | 'BN' }>(
    q,
    sql`
    SELECT rxcui, tty, name FROM rxn_concepts
    WHERE tty IN ('IN', 'BN') AND ${like(sql`name`, `${escapeLike(query.trim())}%`)}
    ORDER BY tty DESC, length(name), name LIMIT ${LIMIT * 2}`,
  );
  const extra: DrugMatch[] = [];
  for (const h of hits) {
    const ingredients =
      h.tty === 'IN'
        ? [{ rxcui: h.rxcui, name: h.name }]
        : await all<Concept>(
            q,
            sql`
      SELECT c.rxcui, c.name FROM rxn_drug_ingredients i JOIN rxn_concepts c ON c.rxcui = i.ingredient_rxcui
      WHERE i.drug_rxcui = ${h.rxcui} ORDER BY c.name`,
          );
    // multi-ingredient brands: pick the clinical drug under one of the ingredients
    if (ingredients.length !== 1) continue;
    const ing = ingredients[0]!;
    if (known.has(ing.rxcui) || knownNames.has(ing.name.toLowerCase())) continue;
    known.add(ing.rxcui);
    extra.push({
      name: ing.name.toLowerCase(),
      rxcui: ing.rxcui,
      matchedBrand: h.tty === 'BN' ? h.name : null,
      brands: h.tty === 'BN' ? [h.name] : [],
      kind: 'rx',
      alsoOtc: false,
      classCode: null,
      className: null,
      maintenance: false,
      forms: [],
      clinicalDrugs: await releaseClinicalDrugs(q, ing.rxcui),
      origin: 'rxnorm',
    });
  }
  return [...bundled, ...extra].slice(0, LIMIT);
}

export async function rxNormStatus(q: Q): Promise<RxNormStatus> {
  const rel = await one<Pick<Row<'rxn_release'>, 'release' | 'loaded_at'>>(
    q,
    sql`
    SELECT release, loaded_at FROM rxn_release`,
  );
  const counts = await all<{ tty: string; n: number }>(
    q,
    sql`
    SELECT tty, count(*) AS n FROM rxn_concepts GROUP BY tty`,
  );
  const n = (t: string) => counts.find((c) => c.tty === t)?.n ?? 0;
  const ndc = await one<{ n: number }>(q, sql`SELECT count(*) AS n FROM rxn_ndcs`);
  return {
    release: rel?.release ?? null,
    loadedAt: rel?.loaded_at ?? null,
    ingredients: n('IN'),
    clinicalDrugs: n('SCD'),
    brands: n('BN'),
    ndcs: ndc?.n ?? 0,
    bundledVersion: BUNDLED_VERSION,
    bundledDrugs: BUNDLED_DRUGS.length,
  };
}
