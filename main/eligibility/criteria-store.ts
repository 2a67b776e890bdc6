// Targeting criteria per contract year: the pharmacy's saved values, or the defaults for the year
// from resources/regulatory/mtm-targeting.json (latest known rules carried forward, threshold unset).
import targeting from '../../resources/regulatory/mtm-targeting.json';
import { CORE_DISEASE_IDS, type Criteria, type YearCriteria } from '../../preload/schemas/eligibility';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { one, run, sql, type Q } from '../db/sql';

interface YearRules {
  maxMinDiseases: number;
  maxMinDrugs: number;
  costThreshold: number | null;
  allDiseasesRequired: boolean;
  source: string;
}
const YEARS: Record<string, YearRules> = targeting.years;

function rulesFor(year: number): YearRules {
  const known = YEARS[String(year)];
  if (known) return known;
  const listed = Object.keys(YEARS)
    .map(Number)
    .sort((a, b) => b - a);
  const carried = YEARS[String(listed.find((y) => y < year) ?? listed.at(-1))]!;
  return { ...carried, costThreshold: null, source: `${targeting.unknownYear.note} (${targeting.unknownYear.source})` };
}

export async function getCriteria(q: Q, contractYear: number): Promise<YearCriteria> {
  const rules = rulesFor(contractYear);
  const row = await one<Row<'mtm_criteria'>>(q, sql`SELECT * FROM mtm_criteria WHERE contract_year = ${contractYear}`);
  const base = { contractYear, source: rules.source, allDiseasesRequired: rules.allDiseasesRequired };
  if (row)
    return {
      ...base,
      minDiseases: row.min_diseases,
      minDrugs: row.min_drugs,
      costThreshold: row.cost_threshold,
      diseases: JSON.parse(row.diseases) as string[],
      origin: 'pharmacy',
      updatedBy: row.updated_by,
    };
  return {
    ...base,
    minDiseases: targeting.defaults.minDiseases,
    minDrugs: targeting.defaults.minDrugs,
    costThreshold: rules.costThreshold ?? null,
    diseases: [...CORE_DISEASE_IDS],
    origin: 'default',
    updatedBy: null,
  };
}

export async function setCriteria(q: Q, contractYear: number, c: Criteria, by: string): Promise<YearCriteria> {
  const rules = rulesFor(contractYear);
  if (c.minDiseases > rules.maxMinDiseases)
    throw new AppError(
      'validation',
      `For ${contractYear} a plan may require at most ${rules.maxMinDiseases} core chronic diseases.`,
      'minDiseases',
    );
  if (c.minDrugs > rules.maxMinDrugs)
    throw new AppError(
      'validation',
      `For ${contractYear} a plan may require at most ${rules.maxMinDrugs} Part D drugs.`,
      'minDrugs',
    );
  if (rules.allDiseasesRequired && c.diseases.length < CORE_DISEASE_IDS.length) {
    throw new AppError(
      'validation',
      `From 2025 CMS requires every core chronic disease to count; keep all ${CORE_DISEASE_IDS.length} ticked.`,
      'diseases',
    );
  }
  await run(
    q,
    sql`INSERT INTO mtm_criteria (contract_year, min_diseases, min_drugs, cost_threshold, diseases,
      updated_at, updated_by)
        VALUES (${contractYear}, ${c.minDiseases}, ${c.minDrugs}, ${c.costThreshold},
          ${JSON.stringify([...new Set(c.diseases)])}, ${new Date().toISOString()}, ${by})
        ON CONFLICT (contract_year) DO UPDATE SET min_diseases = excluded.min_diseases, min_drugs = excluded.min_drugs,
          cost_threshold = excluded.cost_threshold, diseases = excluded.diseases, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`,
  );
  return getCriteria(q, contractYear);
}
