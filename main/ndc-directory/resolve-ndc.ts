// What an NDC is, from what the pharmacy knows: its own fills, the loaded RxNorm release's NDCs and the
// loaded FDA NDC Directory. A 10-digit NDC without dashes has three 11-digit readings (4-4-2, 5-3-2, 5-4-1);
// it is taken only when exactly one of them is known, never guessed.
import { all, one, sql, type Q } from '../db/sql';
import { isTenDigitNdc, tenDigitProblem, tenDigitReadings } from '../fills/ndc';

export type TenDigitResolution = { ndc11: string } | { problem: string };

/** Readings per query: each is bound three times (fills, RxNorm, FDA), well inside both backends' limits. */
const READINGS_PER_QUERY = 2_000;

/** Which of these 11-digit NDCs a fill, the RxNorm release or the FDA directory knows. */
async function knownNdcs(q: Q, ndcs: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < ndcs.length; i += READINGS_PER_QUERY) {
    const list = sql.list(ndcs.slice(i, i + READINGS_PER_QUERY));
    const rows = await all<{ ndc: string }>(
      q,
      sql`
      SELECT ndc FROM fills WHERE ndc IN (${list})
      UNION SELECT ndc FROM rxn_ndcs WHERE ndc IN (${list})
      UNION SELECT ndc11 AS ndc FROM ndc_packages WHERE ndc11 IN (${list})`,
    );
    for (const r of rows) known.add(r.ndc);
  }
  return known;
}

/**
 * Each distinct 10-digit NDC (digits only) → its one known 11-digit reading, or the problem (none or several
 * known; the several named). One query per 2 000 readings, however many rows carry them.
 */
export async function resolveTenDigitNdcs(q: Q, tens: Iterable<string>): Promise<Map<string, TenDigitResolution>> {
  const distinct = [...new Set([...tens].map((t) => t.trim()))];
  const known = await knownNdcs(q, distinct.filter(isTenDigitNdc).flatMap(tenDigitReadings));
  const out = new Map<string, TenDigitResolution>();
  for (const t of distinct) {
    if (!isTenDigitNdc(t)) {
      out.set(t, { problem: `"${t}" is not a 10-digit NDC without dashes` });
      continue;
    }
    const hits = tenDigitReadings(t).filter((r) => known.has(r));
    out.set(t, hits.length === 1 ? { ndc11: hits[0]! } : { problem: tenDigitProblem(t, hits) });
  }
  return out;
}

/** One 10-digit NDC without dashes → its one known 11-digit reading, or why not. */
export async function resolveTenDigitNdc(q: Q, ten: string): Promise<TenDigitResolution> {
  return (await resolveTenDigitNdcs(q, [ten])).get(ten.trim())!;
}

export interface NdcProductName {
  name: string;
  strength: string | null;
  form: string | null;
  /** Where the name comes from: the pharmacy's latest fill of it, the RxNorm release, or the FDA directory. */
  source: 'fills' | 'rxnorm' | 'fda';
}

/**
 * What an 11-digit NDC is: the drug name of the pharmacy's latest fill of it (as its own labels read), else the
 * RxNorm clinical or branded drug it is, else the FDA directory's product; null when none knows it.
 */
export async function lookupNdcProduct(q: Q, ndc11: string): Promise<NdcProductName | null> {
  const fill = await one<{ name: string; strength: string | null; form: string | null }>(
    q,
    sql`
    SELECT drug_name AS name, strength, dose_form AS form FROM fills
    WHERE ndc = ${ndc11} AND drug_name IS NOT NULL ORDER BY fill_date DESC, created_at DESC LIMIT 1`,
  );
  if (fill) return { ...fill, source: 'fills' };
  const rx = await one<{ name: string }>(
    q,
    sql`SELECT c.name FROM rxn_ndcs n JOIN rxn_concepts c ON c.rxcui = n.rxcui WHERE n.ndc = ${ndc11}`,
  );
  if (rx) return { name: rx.name, strength: null, form: null, source: 'rxnorm' };
  const fda = await one<{
    proprietary: string | null;
    generic: string | null;
    strength: string | null;
    form: string | null;
  }>(
    q,
    sql`
    SELECT p.proprietary_name AS proprietary, p.nonproprietary_name AS generic, p.strength, p.dosage_form AS form
    FROM ndc_packages k JOIN ndc_products p ON p.product_ndc = k.product_ndc WHERE k.ndc11 = ${ndc11}`,
  );
  if (!fda || !(fda.proprietary || fda.generic)) return null;
  const name =
    fda.proprietary && fda.generic && fda.proprietary.toLowerCase() !== fda.generic.toLowerCase()
      ? `${fda.proprietary} (${fda.generic})`
      : (fda.proprietary ?? fda.generic)!;
  return { name, strength: fda.strength, form: fda.form, source: 'fda' };
}
