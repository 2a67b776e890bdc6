// Conditions (ICD-10-CM, from the bundled subset) and lab values/vitals on a patient's record.
// Rows are never edited: a condition is resolved with a date, a mistyped lab is followed by a new one.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ICD_CODES, LAB_TYPES, type Condition, type conditionAddRequest, type labAddRequest, type LabResult, type PatientClinical } from '../../preload/schemas/clinical';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import { assertLivePatient } from '../patients/patient-store';

type ConditionRow = { id: string; patient_id: string; code: string; onset_date: string | null; resolved_on: string | null; created_at: string; created_by: string };
type LabRow = { id: string; type: LabResult['type']; value: number; value2: number | null; unit: string; taken_on: string; created_by: string };

const byCode = new Map(ICD_CODES.map((c) => [c.code, c]));

function toCondition(r: ConditionRow): Condition {
  const entry = byCode.get(r.code);
  return { id: r.id, patientId: r.patient_id, code: r.code, title: entry?.title ?? r.code, coreDiseases: entry?.coreDiseases ?? [], onsetDate: r.onset_date, resolvedOn: r.resolved_on, recordedBy: r.created_by, recordedAt: r.created_at };
}

const toLab = (r: LabRow): LabResult => ({ id: r.id, type: r.type, value: r.value, value2: r.value2, unit: r.unit, takenOn: r.taken_on, recordedBy: r.created_by });

export async function getClinical(db: Pick<EntityManager, 'query'>, patientId: string): Promise<PatientClinical> {
  await assertLivePatient(db, patientId);
  const conditions = (await db.query('SELECT * FROM patient_conditions WHERE patient_id = ? ORDER BY resolved_on IS NOT NULL, code', [patientId])) as ConditionRow[];
  const labs = (await db.query('SELECT * FROM patient_labs WHERE patient_id = ? ORDER BY taken_on DESC, created_at DESC', [patientId])) as LabRow[];
  return { conditions: conditions.map(toCondition), labs: labs.map(toLab) };
}

export async function addCondition(db: DataSource, user: SignedInUser, req: z.output<typeof conditionAddRequest>): Promise<Condition> {
  await assertLivePatient(db, req.patientId);
  const [active] = (await db.query('SELECT id FROM patient_conditions WHERE patient_id = ? AND code = ? AND resolved_on IS NULL', [req.patientId, req.code])) as { id: string }[];
  if (active) throw new AppError('conflict', `${req.code} ${byCode.get(req.code)!.title} is already on this patient's active list.`, 'code', [{ field: 'code', message: 'Already on the active list' }]);
  const row: ConditionRow = { id: randomUUID(), patient_id: req.patientId, code: req.code, onset_date: req.onsetDate ?? null, resolved_on: null, created_at: new Date().toISOString(), created_by: user.username };
  await db.query('INSERT INTO patient_conditions (id, patient_id, code, onset_date, resolved_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)', Object.values(row));
  return toCondition(row);
}

export async function resolveCondition(db: DataSource, id: string, resolvedOn: string): Promise<Condition> {
  const [row] = (await db.query('SELECT * FROM patient_conditions WHERE id = ?', [id])) as ConditionRow[];
  if (!row) throw notFound('This condition');
  if (row.resolved_on) throw new AppError('conflict', `This condition was already marked resolved on ${row.resolved_on}.`);
  if (row.onset_date && resolvedOn < row.onset_date) throw new AppError('validation', 'It cannot resolve before it began.', 'resolvedOn', [{ field: 'resolvedOn', message: 'Before the onset date' }]);
  await db.query('UPDATE patient_conditions SET resolved_on = ? WHERE id = ?', [resolvedOn, id]);
  return toCondition({ ...row, resolved_on: resolvedOn });
}

export async function addLab(db: DataSource, user: SignedInUser, req: z.output<typeof labAddRequest>): Promise<LabResult> {
  await assertLivePatient(db, req.patientId);
  const lab = LAB_TYPES.find((l) => l.id === req.type)!;
  const row = { id: randomUUID(), patient_id: req.patientId, type: req.type, value: req.value, value2: req.value2 ?? null, unit: lab.unit, taken_on: req.takenOn, created_at: new Date().toISOString(), created_by: user.username };
  await db.query('INSERT INTO patient_labs (id, patient_id, type, value, value2, unit, taken_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', Object.values(row));
  return toLab(row);
}
