// The adherence programme: a patient's PDC per Star measure and per drug with the fills behind
// them, and the pharmacy-wide outreach worklist (below 80% PDC, or a refill more than N days late),
// each from one read of the period's fills.
import type { DataSource } from 'typeorm';
import {
  STAR_MEASURE_LABELS,
  type AdherenceWorklist,
  type AdherenceWorklistEntry,
  type PatientAdherence,
} from '../../preload/schemas/adherence';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { DAY_MS, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { adherenceMeasure, type AdherenceRule } from '../checks/adherence';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { proportionOfDaysCovered } from '../checks/pdc';
import { assertLivePatient } from '../patients/patient-store';
import { isMaintenanceDrug } from '../medications/vocabulary/bundled';
import { groupBy } from '../common/group-by';
import { jsonValues } from '../db/dialect';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';
import { forEachPatientsFills, type WindowFill } from './patient-fills';

const STAR_RULES = BUNDLED_RULES.filter((r): r is AdherenceRule => r.family === 'adherence');
const LATE_RULE = BUNDLED_RULES.find((r) => r.family === 'lateRefill') as
  { daysLate: number; stoppedAfter: number } | undefined;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** A patient on the worklist, with their outreach this month and the last attempt as "date|result". */
type WorklistPerson = Pick<Row<'patients'>, 'id' | 'phone'> & {
  name: string;
  attempts: number;
  last: string | null;
  settled: number;
};

const byDrug = (fills: WindowFill[]) => groupBy(fills, (f) => f.ingredient);

/** Days the last fill's supply has been out, for a maintenance drug filled at least twice; null when not late. */
function daysLate(own: WindowFill[], today: string): number | null {
  if (own.length < 2) return null;
  const last = own[own.length - 1]!;
  const out = dayOf(today) - dayOf(last.date) - last.daysSupply;
  return out > 0 ? out : null;
}

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
        GROUP BY f.fill_date, f.drug_key ORDER BY f.fill_date`,
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

export async function adherenceWorklist(
  db: DataSource,
  lateDaysSetting?: number,
  today = todayIso(),
): Promise<AdherenceWorklist> {
  const started = performance.now();
  const lateDays = lateDaysSetting ?? LATE_RULE?.daysLate ?? 7;
  const stoppedAfter = LATE_RULE?.stoppedAfter ?? 90;
  const since = isoDaysBefore(today, 364);
  const reasons = new Map<string, string[]>();
  await forEachPatientsFills(db, since, today, (patient, own, diseases) => {
    const found: string[] = [];
    for (const rule of STAR_RULES) {
      const m = adherenceMeasure(rule, own, diseases, since, today);
      if (m && m.pdc < rule.threshold)
        found.push(`${STAR_MEASURE_LABELS[rule.id] ?? rule.id}: PDC ${Math.round(m.pdc * 100)}%`);
    }
    for (const [drug, drugFills] of byDrug(own)) {
      const late = daysLate(drugFills, today);
      if (late !== null && late > lateDays && late <= stoppedAfter && isMaintenanceDrug(drug))
        found.push(`${drug}: refill ${late} days late`);
    }
    if (found.length) reasons.set(patient, found);
  });
  if (!reasons.size) return { lateDays, entries: [], elapsedMs: Math.round(performance.now() - started) };
  const ids = [...reasons.keys()];
  const monthAgo = isoDaysBefore(today, 30);
  const people = await all<WorklistPerson>(
    db,
    sql`SELECT p.id, p.last_name || ', ' || p.first_name AS name, p.phone,
               (SELECT count(*) FROM adherence_outreach o
                WHERE o.patient_id = p.id AND o.attempted_on >= ${monthAgo}) AS attempts,
               (SELECT attempted_on || '|' || result FROM adherence_outreach o WHERE o.patient_id = p.id
                ORDER BY attempted_on DESC, created_at DESC LIMIT 1) AS last,
               EXISTS (SELECT 1 FROM adherence_outreach o WHERE o.patient_id = p.id AND o.attempted_on >= ${monthAgo}
                       AND o.result IN ('reached', 'refused', 'unableAfterThree')) AS settled
        FROM patients p WHERE p.deleted_at IS NULL AND p.id IN ${jsonValues(JSON.stringify(ids))}
        ORDER BY p.last_name, p.first_name`,
  );
  const entries = people.map((p): AdherenceWorklistEntry => {
    const [date, result] = p.last?.split('|') ?? [];
    return {
      patientId: p.id,
      name: p.name,
      phone: p.phone,
      reasons: reasons.get(p.id)!,
      attempts: p.attempts,
      lastOutreach: date
        ? { date, result: result as NonNullable<AdherenceWorklistEntry['lastOutreach']>['result'] }
        : null,
      due: !p.settled,
    };
  });
  return { lateDays, entries, elapsedMs: Math.round(performance.now() - started) };
}
