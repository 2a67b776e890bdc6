// A patient's medication list. Entries are changed, never overwritten without trace: each change
// stores the entry as it became in patient_medication_history, in the same transaction.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Medication, MedicationList, MedicationVersion, medicationInputSchema } from '../../preload/schemas/medications';
import type { SignedInUser } from '../../preload/schemas/security';
import { interpretProduct } from './interpret-product';
import { AppError, notFound } from '../common/errors';
import { assertLivePatient } from '../patients/patient-store';
import { recogniseBundled } from './vocabulary/bundled';

type Input = z.output<typeof medicationInputSchema>;
type Q = Pick<EntityManager, 'query'>;
type Row = {
  id: string; patient_id: string; version: number; product: string; rxcui: string | null; kind: Medication['kind'];
  strength: string | null; dose_form: string | null; sig: string | null; indication: string | null; prescriber_id: string | null;
  prescriber_name: string | null; start_date: string | null; stop_date: string | null; stop_reason: string | null;
  source: Medication['source']; updated_at: string; updated_by: string;
};

const SELECT = `SELECT m.*, CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name || coalesce(', ' || p.credentials, '') END AS prescriber_name
  FROM patient_medications m LEFT JOIN prescribers p ON p.id = m.prescriber_id`;

function toMedication(r: Row): Medication {
  return {
    id: r.id, patientId: r.patient_id, version: r.version, product: r.product, rxcui: r.rxcui, coded: Boolean(r.rxcui || recogniseBundled(r.product)), kind: r.kind,
    strength: r.strength, doseForm: r.dose_form, sig: r.sig, indication: r.indication,
    prescriber: r.prescriber_id ? { id: r.prescriber_id, name: r.prescriber_name ?? '' } : null,
    startDate: r.start_date, stopDate: r.stop_date, stopReason: r.stop_reason, source: r.source, updatedAt: r.updated_at, updatedBy: r.updated_by,
  };
}

async function load(q: Q, id: string): Promise<Medication> {
  const [row] = (await q.query(`${SELECT} WHERE m.id = ?`, [id])) as Row[];
  if (!row) throw notFound('This medication entry');
  return toMedication(row);
}

async function record(q: Q, id: string, change: MedicationVersion['change'], user: SignedInUser): Promise<Medication> {
  const med = await load(q, id);
  await q.query('INSERT INTO patient_medication_history (medication_id, version, change, snapshot, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)', [id, med.version, change, JSON.stringify(med), med.updatedAt, user.username]);
  return med;
}

async function checkRefs(q: Q, patientId: string, prescriberId: string | undefined): Promise<void> {
  await assertLivePatient(q, patientId);
  if (prescriberId) {
    const [p] = (await q.query('SELECT 1 AS ok FROM prescribers WHERE id = ?', [prescriberId])) as unknown[];
    if (!p) throw new AppError('validation', 'That prescriber is not on file. Choose one from the list or add them first.', 'prescriberId', [{ field: 'prescriberId', message: 'Not on file' }]);
  }
}

/** The row's values; strength and dose form are read from the product as typed ("metoprolol succ ER 25") when not given. */
function columns(m: Input) {
  const read = m.strength && m.doseForm ? null : interpretProduct(m.product);
  return [m.product, m.rxcui ?? null, m.kind, m.strength ?? read?.strength ?? null, m.doseForm ?? read?.doseForm ?? null, m.sig ?? null, m.indication ?? null, m.prescriberId ?? null, m.startDate ?? null, m.source];
}

export async function listMedications(db: DataSource, patientId: string): Promise<MedicationList> {
  await checkRefs(db.manager, patientId, undefined);
  const rows = ((await db.query(`${SELECT} WHERE m.patient_id = ? ORDER BY m.stop_date IS NOT NULL, m.stop_date DESC, m.product COLLATE NOCASE`, [patientId])) as Row[]).map(toMedication);
  return { active: rows.filter((m) => !m.stopDate), past: rows.filter((m) => m.stopDate) };
}

export async function addMedication(db: DataSource, user: SignedInUser, patientId: string, m: Input): Promise<Medication> {
  return db.transaction(async (em) => {
    await checkRefs(em, patientId, m.prescriberId);
    const id = randomUUID();
    const now = new Date().toISOString();
    await em.query(
      `INSERT INTO patient_medications (id, patient_id, version, product, rxcui, kind, strength, dose_form, sig, indication, prescriber_id, start_date, source, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, patientId, ...columns(m), now, user.username, now, user.username],
    );
    return record(em, id, 'added', user);
  });
}

async function loadCurrent(em: Q, id: string, version: number, verb: string): Promise<Medication> {
  const med = await load(em, id);
  if (med.stopDate) throw new AppError('conflict', `${med.product} was stopped on ${med.stopDate}; a stopped entry stays as it was. Add it again if the patient restarted it.`);
  if (med.version !== version) throw new AppError('conflict', `Someone else ${verb} this entry (${med.updatedBy}) after you opened it. Reload, then try again.`);
  return med;
}

export async function updateMedication(db: DataSource, user: SignedInUser, id: string, version: number, m: Input): Promise<Medication> {
  return db.transaction(async (em) => {
    const med = await loadCurrent(em, id, version, 'changed');
    await checkRefs(em, med.patientId, m.prescriberId);
    await em.query(
      `UPDATE patient_medications SET product = ?, rxcui = ?, kind = ?, strength = ?, dose_form = ?, sig = ?, indication = ?, prescriber_id = ?, start_date = ?, source = ?,
       version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
      [...columns(m), new Date().toISOString(), user.username, id],
    );
    return record(em, id, 'changed', user);
  });
}

export async function stopMedication(db: DataSource, user: SignedInUser, id: string, version: number, stopDate: string, reason: string): Promise<Medication> {
  return db.transaction(async (em) => {
    const med = await loadCurrent(em, id, version, 'changed');
    if (med.startDate && stopDate < med.startDate) throw new AppError('validation', 'It cannot be stopped before it was started.', 'stopDate', [{ field: 'stopDate', message: 'Before the start date' }]);
    await em.query('UPDATE patient_medications SET stop_date = ?, stop_reason = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [stopDate, reason, new Date().toISOString(), user.username, id]);
    return record(em, id, 'stopped', user);
  });
}

export async function medicationHistory(db: DataSource, id: string): Promise<MedicationVersion[]> {
  await load(db.manager, id);
  const rows = (await db.query('SELECT * FROM patient_medication_history WHERE medication_id = ? ORDER BY version', [id])) as { version: number; change: MedicationVersion['change']; snapshot: string; changed_at: string; changed_by: string }[];
  return rows.map((r) => ({ version: r.version, change: r.change, changedAt: r.changed_at, changedBy: r.changed_by, medication: JSON.parse(r.snapshot) as Medication }));
}
