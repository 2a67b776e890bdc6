// Conditions (ICD-10-CM: the bundled codes with plain names, or any billable code of a loaded
// release) and lab values/vitals on a patient's record.
// Rows are never edited: a condition is resolved with a date, a mistyped lab is followed by a new one.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  ICD_CODES,
  LAB_TYPES,
  lookupConditions,
  type Condition,
  type ConditionMatch,
  type conditionAddRequest,
  type labAddRequest,
  type LabResult,
  type PatientClinical,
} from '../../preload/schemas/clinical';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import { escapeLike } from '../common/like';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import { like } from '../db/dialect';

type ConditionRow = Row<'patient_conditions'>;
type LabRow = Omit<Row<'patient_labs'>, 'type'> & { type: LabResult['type'] };
type CodeRow = Row<'icd10cm_codes'>;

const byCode = new Map(ICD_CODES.map((c) => [c.code, c]));

/** Titles of codes the bundled list lacks, from the loaded release. */
async function releaseTitles(q: Q, codes: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(codes.filter((c) => !byCode.has(c)))];
  if (!missing.length) return new Map();
  const rows = await all<CodeRow>(q, sql`SELECT code, title FROM icd10cm_codes WHERE code IN (${sql.list(missing)})`);
  return new Map(rows.map((r) => [r.code, r.title]));
}

function toCondition(r: ConditionRow, titles: Map<string, string>): Condition {
  const entry = byCode.get(r.code);
  return {
    id: r.id,
    patientId: r.patient_id,
    code: r.code,
    title: entry?.title ?? titles.get(r.code) ?? r.code,
    plain: entry?.plain ?? null,
    coreDiseases: entry?.coreDiseases ?? [],
    onsetDate: r.onset_date,
    resolvedOn: r.resolved_on,
    recordedBy: r.created_by,
    recordedAt: r.created_at,
  };
}

/** Bundled matches first (they carry plain names), then codes of the loaded release by code start or title words. */
export async function searchConditions(q: Q, query: string, limit = 25): Promise<ConditionMatch[]> {
  const bundled = lookupConditions(query, limit);
  if (bundled.length >= limit) return bundled;
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const code = query.trim().toUpperCase();
  const titleHas = sql.join(
    terms.map((t) => like(sql`lower(title)`, `%${escapeLike(t)}%`)),
    ' AND ',
  );
  const rows = await all<CodeRow>(
    q,
    sql`SELECT code, title FROM icd10cm_codes WHERE ${like(sql`code`, `${escapeLike(code)}%`)} OR (${titleHas})
        ORDER BY code LIMIT ${limit * 2}`,
  );
  const seen = new Set(bundled.map((b) => b.code));
  const fromRelease = rows
    .filter((r) => !seen.has(r.code))
    .map((r): ConditionMatch => ({
      code: r.code,
      title: r.title,
      plain: null,
      coreDiseases: byCode.get(r.code)?.coreDiseases ?? [],
      origin: 'release',
    }));
  return [...bundled, ...fromRelease].slice(0, limit);
}

/** The code's title when it can be recorded: bundled, or in the loaded release; otherwise a clear refusal. */
async function recordableTitle(q: Q, code: string): Promise<string> {
  const entry = byCode.get(code);
  if (entry) return entry.title;
  const row = await one<Pick<CodeRow, 'title'>>(q, sql`SELECT title FROM icd10cm_codes WHERE code = ${code}`);
  if (row) return row.title;
  const release = await one<Pick<Row<'icd10cm_release'>, 'release'>>(q, sql`SELECT release FROM icd10cm_release`);
  throw new AppError(
    'validation',
    release
      ? `${code} is not a billable code of ${release.release}. Choose a condition from the list.`
      : `${code} is not in the bundled list. Choose a condition from the list, or ask an administrator to load the full ICD-10-CM code set (mtm import icd10cm).`,
    'code',
    [{ field: 'code', message: 'Not a code that can be recorded' }],
  );
}

const toLab = (r: LabRow): LabResult => ({
  id: r.id,
  type: r.type,
  value: r.value,
  value2: r.value2,
  unit: r.unit,
  takenOn: r.taken_on,
  recordedBy: r.created_by,
});

export async function getClinical(db: Q, patientId: string): Promise<PatientClinical> {
  await assertLivePatient(db, patientId);
  const conditions = await all<ConditionRow>(
    db,
    sql`SELECT * FROM patient_conditions WHERE patient_id = ${patientId} ORDER BY resolved_on IS NOT NULL, code`,
  );
  const labs = await all<LabRow>(
    db,
    sql`SELECT * FROM patient_labs WHERE patient_id = ${patientId} ORDER BY taken_on DESC, created_at DESC`,
  );
  const titles = await releaseTitles(
    db,
    conditions.map((c) => c.code),
  );
  return { conditions: conditions.map((c) => toCondition(c, titles)), labs: labs.map(toLab) };
}

export async function addCondition(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof conditionAddRequest>,
): Promise<Condition> {
  await assertLivePatient(db, req.patientId);
  const title = await recordableTitle(db, req.code);
  const active = await one<Pick<ConditionRow, 'id'>>(
    db,
    sql`SELECT id FROM patient_conditions
        WHERE patient_id = ${req.patientId} AND code = ${req.code} AND resolved_on IS NULL`,
  );
  if (active)
    throw new AppError('conflict', `${req.code} ${title} is already on this patient's active list.`, 'code', [
      { field: 'code', message: 'Already on the active list' },
    ]);
  const row: ConditionRow = {
    id: randomUUID(),
    patient_id: req.patientId,
    code: req.code,
    onset_date: req.onsetDate ?? null,
    resolved_on: null,
    created_at: new Date().toISOString(),
    created_by: user.username,
  };
  await run(
    db,
    sql`INSERT INTO patient_conditions (id, patient_id, code, onset_date, resolved_on, created_at, created_by)
        VALUES (${row.id}, ${row.patient_id}, ${row.code}, ${row.onset_date}, ${row.resolved_on}, ${row.created_at},
          ${row.created_by})`,
  );
  return toCondition(row, new Map([[req.code, title]]));
}

export async function resolveCondition(db: DataSource, id: string, resolvedOn: string): Promise<Condition> {
  const row = await one<ConditionRow>(db, sql`SELECT * FROM patient_conditions WHERE id = ${id}`);
  if (!row) throw notFound('This condition');
  if (row.resolved_on)
    throw new AppError('conflict', `This condition was already marked resolved on ${row.resolved_on}.`);
  if (row.onset_date && resolvedOn < row.onset_date)
    throw new AppError('validation', 'It cannot resolve before it began.', 'resolvedOn', [
      { field: 'resolvedOn', message: 'Before the onset date' },
    ]);
  await run(db, sql`UPDATE patient_conditions SET resolved_on = ${resolvedOn} WHERE id = ${id}`);
  return toCondition({ ...row, resolved_on: resolvedOn }, await releaseTitles(db, [row.code]));
}

export async function addLab(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof labAddRequest>,
): Promise<LabResult> {
  await assertLivePatient(db, req.patientId);
  const lab = LAB_TYPES.find((l) => l.id === req.type)!;
  const row = {
    id: randomUUID(),
    patient_id: req.patientId,
    type: req.type,
    value: req.value,
    value2: req.value2 ?? null,
    unit: lab.unit,
    taken_on: req.takenOn,
    created_at: new Date().toISOString(),
    created_by: user.username,
  };
  await run(
    db,
    sql`INSERT INTO patient_labs (id, patient_id, type, value, value2, unit, taken_on, created_at, created_by)
        VALUES (${row.id}, ${row.patient_id}, ${row.type}, ${row.value}, ${row.value2}, ${row.unit}, ${row.taken_on},
          ${row.created_at}, ${row.created_by})`,
  );
  return toLab(row);
}
