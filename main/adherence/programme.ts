// The adherence programme: a patient's PDC per Star measure and per drug with the fills behind
// them, from one read of the period's fills, and the pharmacy-wide outreach worklist (below 80% PDC, or a refill
// more than N days late), paged in SQL over each patient's cached figures.
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  formatPdc,
  STAR_MEASURE_LABELS,
  type AdherenceWorklist,
  type AdherenceWorklistEntry,
  type PatientAdherence,
  type worklistRequest,
} from '../../preload/schemas/adherence';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { PAGE_SIZE } from '../../preload/schemas/paging';
import { lastFirst } from '../../preload/person-name';
import { adherenceMeasure } from '../checks/adherence';
import { proportionOfDaysCovered } from '../checks/pdc';
import { assertLivePatient } from '../patients/patient-store';
import { interpretQuery } from '../patients/patient-search';
import { groupBy } from '../common/group-by';
import type { Row } from '../db/rows';
import { all, one, sql } from '../db/sql';
import {
  daysLate,
  DEFAULT_LATE_DAYS,
  refreshInBackground,
  STAR_RULES,
  type LateRefill,
  type PdcReason,
} from './adherence-figures';
import type { WindowFill } from './patient-fills';

/** A patient on the worklist, with their cached figures, outreach this month and the last attempt as "date|result". */
type WorklistPerson = Pick<Row<'patients'>, 'id' | 'phone' | 'date_of_birth' | 'last_name' | 'first_name'> &
  Pick<Row<'population_figures'>, 'pdc_reasons' | 'late_refills'> & {
    attempts: number;
    last: string | null;
    settled: number;
  };

const byDrug = (fills: WindowFill[]) => groupBy(fills, (f) => f.ingredient);

export async function patientAdherence(
  db: DataSource,
  patientId: string,
  months: number,
  today = todayIso(),
): Promise<PatientAdherence> {
  await assertLivePatient(db.manager, patientId);
  const start = isoDaysBefore(today, Math.round((months * 365) / 12) - 1);
  const fills = await all<WindowFill>(
    db,
    sql`SELECT f.patient_id, f.drug_key AS ingredient, f.fill_date AS date, max(f.days_supply) AS daysSupply
        FROM fills f
        WHERE f.patient_id = ${patientId} AND f.drug_key IS NOT NULL AND f.fill_date BETWEEN ${start} AND ${today}
        GROUP BY f.patient_id, f.fill_date, f.drug_key ORDER BY f.fill_date`,
  );
  const conditions = await all<Pick<Row<'patient_conditions'>, 'code'>>(
    db,
    sql`SELECT code FROM patient_conditions WHERE patient_id = ${patientId} AND resolved_on IS NULL`,
  );
  const codes = conditions.map((c) => c.code);
  const diseases = coreDiseasesOf(codes);
  return {
    period: { start, end: today },
    measures: STAR_RULES.map((rule) => ({
      ruleId: rule.id,
      label: STAR_MEASURE_LABELS[rule.id] ?? rule.id,
      pdc: adherenceMeasure(rule, fills, diseases, start, today)?.pdc ?? null,
      threshold: rule.threshold,
    })),
    drugs: [...byDrug(fills)]
      .map(([drug, own]) => ({
        drug,
        pdc: proportionOfDaysCovered(
          own.map((f) => ({ drug, date: f.date, daysSupply: f.daysSupply })),
          start,
          today,
        ).pdc,
        fills: own.map((f) => ({ date: f.date, daysSupply: f.daysSupply })),
        daysLate: daysLate(own, today),
      }))
      .sort((a, b) => a.drug.localeCompare(b.drug)),
  };
}

/** The worklist request as the handler has it (paging defaults applied). */
export type WorklistQuery = Partial<z.output<typeof worklistRequest>>;

/**
 * Who to call about adherence, one page at a time, ranked in SQL over the cached figures: most Star measures below
 * threshold first, then the most days late, then the lowest PDC; searchable by name or date of birth.
 */
export async function adherenceWorklist(
  db: DataSource,
  query: WorklistQuery = {},
  today = todayIso(),
): Promise<AdherenceWorklist> {
  const started = performance.now();
  // The worklist shows today's figures: it waits for a background pass under way, then computes what is left.
  await refreshInBackground(db, today);
  return {
    ...(await worklistPage(db, query, today)),
    updating: false,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** One page of the worklist from the figures as they stand (Today's, while a background pass is bringing them up). */
export async function worklistPage(
  db: DataSource,
  query: WorklistQuery,
  today: string,
): Promise<Omit<AdherenceWorklist, 'elapsedMs' | 'updating'>> {
  const { offset = 0, limit = PAGE_SIZE, onlyDue = false } = query;
  const lateDays = query.lateDays ?? DEFAULT_LATE_DAYS;
  const monthAgo = isoDaysBefore(today, 30);
  const settled = sql`EXISTS (SELECT 1 FROM adherence_outreach o WHERE o.patient_id = p.id
                        AND o.attempted_on >= ${monthAgo} AND o.result IN ('reached', 'refused', 'unableAfterThree'))`;
  const where = sql.join(
    [
      sql`p.deleted_at IS NULL`,
      sql`(f.star_measures_below > 0 OR f.most_days_late > ${lateDays})`,
      ...(onlyDue ? [sql`NOT ${settled}`] : []),
      ...interpretQuery(query.search ?? '').where,
    ],
    ' AND ',
  );
  const from = sql`population_figures f JOIN patients p ON p.id = f.patient_id WHERE ${where}`;
  const { total } = (await one<{ total: number }>(db, sql`SELECT count(*) AS total FROM ${from}`))!;
  const rank = sql`f.star_measures_below DESC,
                   CASE WHEN f.most_days_late > ${lateDays} THEN f.most_days_late ELSE 0 END DESC,
                   coalesce(f.lowest_pdc, 1), p.last_name, p.first_name, p.date_of_birth, p.id`;
  // The page is chosen first, so the outreach columns are looked up for its rows only.
  const people = await all<WorklistPerson>(
    db,
    sql`SELECT p.id, p.last_name, p.first_name, p.date_of_birth, p.phone, f.pdc_reasons,
               f.late_refills,
               (SELECT count(*) FROM adherence_outreach o
                WHERE o.patient_id = p.id AND o.attempted_on >= ${monthAgo}) AS attempts,
               (SELECT attempted_on || '|' || result FROM adherence_outreach o WHERE o.patient_id = p.id
                ORDER BY attempted_on DESC, created_at DESC LIMIT 1) AS last,
               ${settled} AS settled
        FROM (SELECT p.id AS page_id FROM ${from} ORDER BY ${rank} LIMIT ${limit} OFFSET ${offset}) page
        JOIN patients p ON p.id = page.page_id JOIN population_figures f ON f.patient_id = p.id
        ORDER BY ${rank}`,
  );
  const items = people.map((p): AdherenceWorklistEntry => {
    const [date, result] = p.last?.split('|') ?? [];
    const below = JSON.parse(p.pdc_reasons) as PdcReason[];
    const late = (JSON.parse(p.late_refills) as LateRefill[]).filter((l) => l.days > lateDays);
    return {
      patientId: p.id,
      name: lastFirst({ lastName: p.last_name, firstName: p.first_name }),
      dateOfBirth: p.date_of_birth,
      phone: p.phone,
      reasons: [
        ...below.map((b) => `${STAR_MEASURE_LABELS[b.ruleId] ?? b.ruleId}: PDC ${formatPdc(b.pdc)}`),
        ...late.map((l) => `${l.drug}: refill ${l.days} days late`),
      ],
      attempts: p.attempts,
      lastOutreach: date
        ? { date, result: result as NonNullable<AdherenceWorklistEntry['lastOutreach']>['result'] }
        : null,
      due: !p.settled,
    };
  });
  return { lateDays, items, total, offset, limit };
}
