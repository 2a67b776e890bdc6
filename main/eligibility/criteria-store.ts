// Targeting criteria per contract year: the pharmacy's saved values, or the defaults for the year
// from resources/regulatory/mtm-targeting.json (latest known rules carried forward, threshold unset).
import targeting from '../../resources/regulatory/mtm-targeting.json';
import type { Criteria, TargetingCitation, YearCriteria } from '../../preload/schemas/eligibility';
import { CORE_CHRONIC_DISEASES } from '../../preload/schemas/clinical';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { one, run, sql, type Q } from '../db/sql';

type Evidence = TargetingCitation['evidence'];
/** One contract year of resources/regulatory/mtm-targeting.json. */
export interface YearRules {
  coreDiseases: { ids: string[]; allRequired: boolean; evidence: Evidence; source: string };
  limits: { maxMinDiseases: number; maxMinDrugs: number; evidence: Evidence; source: string };
  drugsCounted: { allMaintenanceDrugs: boolean; evidence: Evidence; source: string };
  costThreshold: number | null;
  costThresholdCitation: { evidence: Evidence; source: string | null; note: string | null };
  dmpAtRisk: { targeted: boolean; evidence: Evidence; source: string };
}
const YEARS = targeting.years as Record<string, YearRules>;
const LISTED = Object.keys(YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** The year's rules from the data; a year after the last listed carries its rules forward with no threshold. */
export function rulesFor(year: number): YearRules {
  const known = YEARS[String(year)];
  if (known) return known;
  const carried = YEARS[String(LISTED.findLast((y) => y < year) ?? LISTED[0])]!;
  return {
    ...carried,
    costThreshold: null,
    costThresholdCitation: { evidence: 'notVerified', source: null, note: targeting.unknownYear.note },
  };
}

/** The most recent year whose threshold the data holds, and that threshold (for the demo pharmacy's defaults). */
export function latestBundledThreshold(): { contractYear: number; costThreshold: number } {
  const year = LISTED.findLast((y) => YEARS[String(y)]!.costThreshold !== null)!;
  return { contractYear: year, costThreshold: YEARS[String(year)]!.costThreshold! };
}

const DISEASE_NAME = new Map(CORE_CHRONIC_DISEASES.map((d) => [d.id, d.name]));

function citations(year: number, r: YearRules): TargetingCitation[] {
  const cost = r.costThresholdCitation;
  return [
    {
      rule: `${r.coreDiseases.ids.length} core chronic diseases${r.coreDiseases.allRequired ? ', all must count' : ''}`,
      evidence: r.coreDiseases.evidence,
      source: r.coreDiseases.source,
    },
    {
      rule: `A plan may require at most ${r.limits.maxMinDiseases} diseases and ${r.limits.maxMinDrugs} Part D drugs`,
      evidence: r.limits.evidence,
      source: r.limits.source,
    },
    {
      rule: r.drugsCounted.allMaintenanceDrugs
        ? 'Every Part D maintenance drug counts'
        : 'The plan chooses which drugs count',
      evidence: r.drugsCounted.evidence,
      source: r.drugsCounted.source,
    },
    {
      rule:
        r.costThreshold === null
          ? `Cost threshold for ${year}: not in MTM Desk's data`
          : `Cost threshold for ${year}: $${r.costThreshold.toLocaleString('en-US')}`,
      evidence: cost.evidence,
      source: cost.source ?? cost.note ?? targeting.unknownYear.source,
    },
    ...(r.dmpAtRisk.targeted
      ? [
          {
            rule: 'Drug management programme at-risk members are targeted',
            evidence: r.dmpAtRisk.evidence,
            source: r.dmpAtRisk.source,
          },
        ]
      : []),
  ];
}

export async function getCriteria(q: Q, contractYear: number): Promise<YearCriteria> {
  const rules = rulesFor(contractYear);
  const core = rules.coreDiseases.ids;
  const row = await one<Row<'mtm_criteria'>>(q, sql`SELECT * FROM mtm_criteria WHERE contract_year = ${contractYear}`);
  const base = {
    contractYear,
    coreDiseases: [...core],
    allDiseasesRequired: rules.coreDiseases.allRequired,
    maxMinDiseases: rules.limits.maxMinDiseases,
    maxMinDrugs: rules.limits.maxMinDrugs,
    allMaintenanceDrugsCount: rules.drugsCounted.allMaintenanceDrugs,
    dmpAtRiskTargeted: rules.dmpAtRisk.targeted,
    bundledCostThreshold: rules.costThreshold,
    costThresholdNote: rules.costThreshold === null ? rules.costThresholdCitation.note : null,
    sources: citations(contractYear, rules),
  };
  if (row)
    return {
      ...base,
      minDiseases: row.min_diseases,
      minDrugs: row.min_drugs,
      costThreshold: row.cost_threshold,
      // A disease that is not a core disease of the year never counts, whatever was saved.
      diseases: (JSON.parse(row.diseases) as string[]).filter((d) => core.includes(d)),
      origin: 'pharmacy',
      updatedBy: row.updated_by,
    };
  return {
    ...base,
    minDiseases: targeting.defaults.minDiseases,
    minDrugs: targeting.defaults.minDrugs,
    costThreshold: rules.costThreshold,
    diseases: [...core],
    origin: 'default',
    updatedBy: null,
  };
}

export async function setCriteria(q: Q, contractYear: number, c: Criteria, by: string): Promise<YearCriteria> {
  const rules = rulesFor(contractYear);
  const core = rules.coreDiseases.ids;
  if (c.minDiseases > rules.limits.maxMinDiseases)
    throw new AppError(
      'validation',
      `For ${contractYear} a plan may require at most ${rules.limits.maxMinDiseases} core chronic diseases.`,
      'minDiseases',
    );
  if (c.minDrugs > rules.limits.maxMinDrugs)
    throw new AppError(
      'validation',
      `For ${contractYear} a plan may require at most ${rules.limits.maxMinDrugs} Part D drugs.`,
      'minDrugs',
    );
  const notCore = c.diseases.filter((d) => !core.includes(d));
  if (notCore.length)
    throw new AppError(
      'validation',
      `${notCore.map((d) => DISEASE_NAME.get(d) ?? d).join(', ')} ${notCore.length === 1 ? 'is' : 'are'} not a CMS core chronic disease in ${contractYear}${notCore.includes('hivAids') ? ' (HIV/AIDS counts from 2025)' : ''}.`,
      'diseases',
    );
  if (rules.coreDiseases.allRequired && core.some((d) => !c.diseases.includes(d))) {
    throw new AppError(
      'validation',
      `From 2025 CMS requires every core chronic disease to count; keep all ${core.length} ticked.`,
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
