// A window of every living patient's fills, one patient at a time: the read the adherence worklist
// and the adherence report share.
import type { DataSource } from 'typeorm';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { groupBy } from '../common/group-by';
import { jsonValues } from '../db/dialect';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';

/** One day's fill of one ingredient (`drug_key`), with the largest supply filled that day. */
export type WindowFill = Pick<Row<'fills'>, 'patient_id'> & { ingredient: string; date: string; daysSupply: number };

/**
 * Calls `visit` once per living patient (of `only`, when given) with fills in [start, end] — one row per day and
 * ingredient (the largest supply), by date — and the patient's core diseases. The query follows the fills
 * index (patient, day), so SQLite seeks each patient's window and never sorts.
 */
export async function forEachPatientsFills(
  db: DataSource,
  start: string,
  end: string,
  visit: (patientId: string, fills: WindowFill[], diseases: Set<string>) => void,
  only?: readonly string[],
): Promise<void> {
  const ids = only ? jsonValues(JSON.stringify(only)) : null;
  const fills = await all<WindowFill>(
    db,
    sql`SELECT f.patient_id, f.drug_key AS ingredient, f.fill_date AS date, max(f.days_supply) AS daysSupply
        FROM fills f
        WHERE f.patient_id IN (SELECT id FROM patients WHERE deleted_at IS NULL${ids ? sql` AND id IN ${ids}` : sql.empty})
          AND f.drug_key IS NOT NULL
          AND f.fill_date BETWEEN ${start} AND ${end}
        GROUP BY f.patient_id, f.fill_date, f.drug_key ORDER BY f.patient_id, f.fill_date, f.drug_key`,
  );
  const open = await all<Pick<Row<'patient_conditions'>, 'patient_id' | 'code'>>(
    db,
    sql`SELECT patient_id, code FROM patient_conditions
        WHERE resolved_on IS NULL${ids ? sql` AND patient_id IN ${ids}` : sql.empty}`,
  );
  const conditions = groupBy(open, (c) => c.patient_id);
  for (let i = 0; i < fills.length;) {
    const patient = fills[i]!.patient_id;
    let j = i;
    while (j < fills.length && fills[j]!.patient_id === patient) j++;
    visit(patient, fills.slice(i, j), coreDiseasesOf((conditions.get(patient) ?? []).map((c) => c.code)));
    i = j;
  }
}
