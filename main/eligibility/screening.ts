// Screens every patient against a contract year's targeting criteria in a few set-based queries
// (fills grouped per patient, conditions, enrollments), never a query per patient.
import type { DataSource } from 'typeorm';
import targeting from '../../resources/regulatory/mtm-targeting.json';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { DAY_MS, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import type { Enrollment, ScreenedPatient, ScreeningResult, YearCriteria } from '../../preload/schemas/eligibility';
import { commaList, jsonValues } from '../db/dialect';
import { lastFirst } from '../../preload/person-name';
import { mostOf, refreshStale } from '../population/figures-store';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';
import { isMaintenanceDrug } from '../medications/vocabulary/bundled';
import { recodeFills } from '../medications/vocabulary/recognise-fills';
import { getCriteria } from './criteria-store';
import { enrollmentOf, type EnrollmentRow } from './enrollment-store';
import { targetingReason } from './targeting';

/**
 * Per patient over the period's fills: the drugs (comma-joined), cost, fills costed and unclassified, the first fill.
 */
type FillAgg = Pick<Row<'fills'>, 'patient_id'> & {
  drugs: string | null;
  cost: number | null;
  costed: number;
  unclassified: number;
  first_fill: string;
};
type PatientRow = Pick<Row<'patients'>, 'id' | 'first_name' | 'last_name' | 'date_of_birth' | 'part_d_plan_name'>;

/** The period's fills summed per patient (of `only`, when given). */
function fillSums(db: DataSource, start: string, end: string, only?: readonly string[]): Promise<FillAgg[]> {
  return all<FillAgg>(
    db,
    sql`SELECT f.patient_id, ${commaList(sql`f.drug_key`)} AS drugs, sum(f.cost) AS cost, count(f.cost) AS costed,
            count(*) - count(f.drug_key) AS unclassified, min(f.fill_date) AS first_fill
        FROM fills f WHERE f.fill_date BETWEEN ${start} AND ${end}
          ${only ? sql`AND f.patient_id IN ${jsonValues(JSON.stringify(only))}` : sql.empty}
        GROUP BY f.patient_id`,
  );
}

const SUM_COLUMNS = [
  'eligibility_as_of',
  'fill_drugs',
  'fill_cost',
  'fills_costed',
  'fills_unclassified',
  'first_fill',
];

/**
 * The year of fills to `today` summed per patient, from the population figures: only patients whose fills changed
 * (the triggers drop their row) or whose sums are of an earlier day are summed again.
 */
async function cachedFillSums(db: DataSource, today: string): Promise<FillAgg[]> {
  await refreshStale(db, 'eligibility', today, SUM_COLUMNS, async (ids, living) => {
    const summed = await fillSums(db, isoDaysBefore(today, 364), today, mostOf(ids, living) ? undefined : ids);
    const sums = new Map(summed.map((f) => [f.patient_id, f]));
    return ids.map((id) => {
      const f = sums.get(id);
      return [
        id,
        today,
        f?.drugs ?? null,
        f?.cost ?? null,
        f?.costed ?? 0,
        f?.unclassified ?? 0,
        f?.first_fill ?? null,
      ];
    });
  });
  return all<FillAgg>(
    db,
    sql`SELECT patient_id, fill_drugs AS drugs, fill_cost AS cost, fills_costed AS costed,
               fills_unclassified AS unclassified, first_fill
        FROM population_figures WHERE first_fill IS NOT NULL`,
  );
}

/** Annual cost from the period's fills; a history shorter than a year is scaled up, from at least 90 days. */
function annualCost(agg: FillAgg | undefined, asOfMs: number): number | null {
  if (!agg || !agg.costed || agg.cost === null) return null;
  const days = Math.max(90, Math.round((asOfMs - Date.parse(agg.first_fill)) / DAY_MS) + 1);
  return Math.round(((agg.cost * 365) / Math.min(365, days)) * 100) / 100;
}

/**
 * A patient against the year's criteria. A DMP at-risk member is targeted whatever the criteria (from 2022); a
 * patient who meets the disease and drug tests but whose cost cannot be judged is never "not eligible".
 */
function judge(
  c: YearCriteria,
  diseases: number,
  drugs: number,
  cost: number | null,
  dmpAtRisk: boolean,
): Pick<ScreenedPatient, 'meets' | 'result' | 'targetingReason'> {
  const meets = {
    diseases: diseases >= c.minDiseases,
    drugs: drugs >= c.minDrugs,
    cost: c.costThreshold === null || cost === null ? null : cost >= c.costThreshold,
  };
  const meetsCriteria = meets.diseases && meets.drugs ? meets.cost : false;
  const atRisk = dmpAtRisk && c.dmpAtRiskTargeted;
  const reason = targetingReason({ meetsCriteria, dmpAtRisk: atRisk });
  if (meetsCriteria || atRisk) return { meets, result: 'eligible', targetingReason: reason };
  if (meetsCriteria === null)
    return { meets, result: c.costThreshold === null ? 'thresholdNotSet' : 'checkCost', targetingReason: reason };
  const near = targeting.nearMiss;
  const short = [
    meets.diseases || c.minDiseases - diseases <= near.diseasesShort,
    meets.drugs || c.minDrugs - drugs <= near.drugsShort,
    meets.cost !== false || (cost !== null && c.costThreshold !== null && cost >= c.costThreshold * near.costFraction),
  ];
  const missed = [meets.diseases, meets.drugs, meets.cost !== false].filter((m) => !m).length;
  return { meets, result: missed === 1 && short.every(Boolean) ? 'close' : 'notEligible', targetingReason: reason };
}

export async function screenPatients(
  db: DataSource,
  contractYear: number,
  asOfInput?: string,
): Promise<ScreeningResult> {
  const started = performance.now();
  await recodeFills(db);
  const criteria = await getCriteria(db.manager, contractYear);
  const asOf = asOfInput ?? [todayIso(), `${contractYear}-12-31`].sort()[0]!;
  const asOfMs = Date.parse(asOf);
  const periodStart = isoDaysBefore(asOf, 364);

  // Screening to today (the usual case) reads the fill sums kept in the population figures; another day's sums are
  // computed on the spot.
  const fills = asOf === todayIso() ? await cachedFillSums(db, asOf) : await fillSums(db, periodStart, asOf);
  const fillsOf = new Map(fills.map((f) => [f.patient_id, f]));
  const conditions = await all<Pick<Row<'patient_conditions'>, 'patient_id' | 'code'>>(
    db,
    sql`SELECT patient_id, code FROM patient_conditions WHERE resolved_on IS NULL OR resolved_on > ${asOf}`,
  );
  const counted = new Set(criteria.diseases);
  const diseasesOf = new Map<string, Set<string>>();
  for (const c of conditions) {
    for (const d of coreDiseasesOf([c.code]))
      if (counted.has(d)) diseasesOf.set(c.patient_id, (diseasesOf.get(c.patient_id) ?? new Set()).add(d));
  }
  const enrolled = await all<EnrollmentRow>(
    db,
    sql`SELECT * FROM mtm_enrollments WHERE contract_year = ${contractYear}`,
  );
  const enrollments = new Map(enrolled.map((e) => [e.patient_id, e]));
  // COLLATE NOCASE as in idx_patients_name, which serves this order.
  const patients = await all<PatientRow>(
    db,
    sql`SELECT id, first_name, last_name, date_of_birth, part_d_plan_name FROM patients WHERE deleted_at IS NULL
        ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE`,
  );

  const screened: ScreenedPatient[] = patients.map((p) => {
    const agg = fillsOf.get(p.id);
    const diseases = [...(diseasesOf.get(p.id) ?? [])].sort();
    const maintenanceDrugs = (agg?.drugs?.split(',') ?? []).filter(isMaintenanceDrug).sort();
    const cost = annualCost(agg, asOfMs);
    const enrollment: Enrollment = enrollmentOf(enrollments.get(p.id));
    return {
      patientId: p.id,
      name: lastFirst({ lastName: p.last_name, firstName: p.first_name }),
      dateOfBirth: p.date_of_birth,
      planName: p.part_d_plan_name,
      diseases,
      maintenanceDrugs,
      unclassifiedFills: agg?.unclassified ?? 0,
      annualCost: cost,
      ...judge(criteria, diseases.length, maintenanceDrugs.length, cost, enrollment.dmpAtRiskDate !== null),
      enrollment,
    };
  });
  const counts = { eligible: 0, thresholdNotSet: 0, checkCost: 0, close: 0, notEligible: 0 };
  for (const p of screened) counts[p.result]++;
  // The worklist: everyone who meets or nearly meets the criteria, and anyone already in the programme.
  const listed = screened.filter((p) => p.result !== 'notEligible' || p.enrollment.status !== 'none');
  return {
    contractYear,
    asOf,
    periodStart,
    criteria,
    patients: listed,
    screened: screened.length,
    counts,
    elapsedMs: Math.round(performance.now() - started),
  };
}
