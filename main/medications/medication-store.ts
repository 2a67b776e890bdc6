// A patient's medication list. Entries are changed, never overwritten without trace: each change
// stores the entry as it became in patient_medication_history, in the same transaction.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type {
  Medication,
  MedicationList,
  MedicationVersion,
  medicationInputSchema,
} from '../../preload/schemas/medications';
import type { SignedInUser } from '../../preload/schemas/security';
import { interpretProduct } from './interpret-product';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import { recogniseBundled } from './vocabulary/bundled';
import { lockRow } from '../db/dialect';

type Input = z.output<typeof medicationInputSchema>;
/** An entry with its prescriber's name (null when it has none). */
type MedicationRow = Omit<Row<'patient_medications'>, 'kind' | 'source'> &
  Pick<Medication, 'kind' | 'source'> & { prescriber_name: string | null };
type HistoryRow = Omit<Row<'patient_medication_history'>, 'change'> & { change: MedicationVersion['change'] };

const SELECT = sql`
  SELECT m.*, CASE WHEN p.id IS NULL THEN NULL
      ELSE p.first_name || ' ' || p.last_name || coalesce(', ' || p.credentials, '') END AS prescriber_name
  FROM patient_medications m LEFT JOIN prescribers p ON p.id = m.prescriber_id`;

function toMedication(r: MedicationRow): Medication {
  return {
    id: r.id,
    patientId: r.patient_id,
    version: r.version,
    product: r.product,
    rxcui: r.rxcui,
    coded: Boolean(r.rxcui || recogniseBundled(r.product)),
    kind: r.kind,
    strength: r.strength,
    doseForm: r.dose_form,
    sig: r.sig,
    indication: r.indication,
    prescriber: r.prescriber_id ? { id: r.prescriber_id, name: r.prescriber_name ?? '' } : null,
    startDate: r.start_date,
    stopDate: r.stop_date,
    stopReason: r.stop_reason,
    source: r.source,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

async function load(q: Q, id: string): Promise<Medication> {
  const row = await one<MedicationRow>(q, sql`${SELECT} WHERE m.id = ${id}`);
  if (!row) throw notFound('This medication entry');
  return toMedication(row);
}

async function record(q: Q, id: string, change: MedicationVersion['change'], user: SignedInUser): Promise<Medication> {
  const med = await load(q, id);
  await run(
    q,
    sql`
    INSERT INTO patient_medication_history (medication_id, version, change, snapshot, changed_at, changed_by)
    VALUES (${id}, ${med.version}, ${change}, ${JSON.stringify(med)}, ${med.updatedAt}, ${user.username})`,
  );
  return med;
}

async function checkRefs(q: Q, patientId: string, prescriberId: string | undefined): Promise<void> {
  await assertLivePatient(q, patientId);
  if (prescriberId) {
    const p = await one<{ ok: number }>(q, sql`SELECT 1 AS ok FROM prescribers WHERE id = ${prescriberId}`);
    if (!p)
      throw new AppError(
        'validation',
        'That prescriber is not on file. Choose one from the list or add them first.',
        'prescriberId',
        [{ field: 'prescriberId', message: 'Not on file' }],
      );
  }
}

/**
 * The row's values; strength and dose form are read from the product as typed ("metoprolol succ ER 25") when not given.
 */
function columns(m: Input) {
  const read = m.strength && m.doseForm ? null : interpretProduct(m.product);
  return {
    product: m.product,
    rxcui: m.rxcui ?? null,
    kind: m.kind,
    strength: m.strength ?? read?.strength ?? null,
    dose_form: m.doseForm ?? read?.doseForm ?? null,
    sig: m.sig ?? null,
    indication: m.indication ?? null,
    prescriber_id: m.prescriberId ?? null,
    start_date: m.startDate ?? null,
    source: m.source,
  };
}

export async function listMedications(db: DataSource, patientId: string): Promise<MedicationList> {
  await checkRefs(db, patientId, undefined);
  // dialect: COLLATE NOCASE, for a case-insensitive order of products.
  const rows = (
    await all<MedicationRow>(
      db,
      sql`
    ${SELECT} WHERE m.patient_id = ${patientId}
    ORDER BY m.stop_date IS NOT NULL, m.stop_date DESC, m.product COLLATE NOCASE`,
    )
  ).map(toMedication);
  return { active: rows.filter((m) => !m.stopDate), past: rows.filter((m) => m.stopDate) };
}

export async function addMedication(
  db: DataSource,
  user: SignedInUser,
  patientId: string,
  m: Input,
): Promise<Medication> {
  return db.transaction(async (em) => {
    await checkRefs(em, patientId, m.prescriberId);
    const id = randomUUID();
    const now = new Date().toISOString();
    const c = columns(m);
    await run(
      em,
      sql`
      INSERT INTO patient_medications (id, patient_id, version, product, rxcui, kind, strength, dose_form, sig,
        indication, prescriber_id, start_date, source, created_at, created_by, updated_at, updated_by)
      VALUES (${id}, ${patientId}, 1, ${c.product}, ${c.rxcui}, ${c.kind}, ${c.strength}, ${c.dose_form}, ${c.sig},
        ${c.indication}, ${c.prescriber_id}, ${c.start_date}, ${c.source}, ${now}, ${user.username}, ${now},
        ${user.username})`,
    );
    return record(em, id, 'added', user);
  });
}

async function loadCurrent(em: Q, id: string, version: number, verb: string): Promise<Medication> {
  await lockRow(em, 'patient_medications', id);
  const med = await load(em, id);
  if (med.stopDate)
    throw new AppError(
      'conflict',
      `${med.product} was stopped on ${med.stopDate}; a stopped entry stays as it was. Add it again if the patient restarted it.`,
    );
  if (med.version !== version)
    throw new AppError(
      'conflict',
      `Someone else ${verb} this entry (${med.updatedBy}) after you opened it. Reload, then try again.`,
    );
  return med;
}

export async function updateMedication(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  m: Input,
): Promise<Medication> {
  return db.transaction(async (em) => {
    const med = await loadCurrent(em, id, version, 'changed');
    await checkRefs(em, med.patientId, m.prescriberId);
    const c = columns(m);
    await run(
      em,
      sql`
      UPDATE patient_medications SET product = ${c.product}, rxcui = ${c.rxcui}, kind = ${c.kind},
        strength = ${c.strength}, dose_form = ${c.dose_form}, sig = ${c.sig}, indication = ${c.indication},
        prescriber_id = ${c.prescriber_id}, start_date = ${c.start_date}, source = ${c.source},
        version = version + 1, updated_at = ${new Date().toISOString()}, updated_by = ${user.username}
      WHERE id = ${id}`,
    );
    return record(em, id, 'changed', user);
  });
}

export async function stopMedication(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  stopDate: string,
  reason: string,
): Promise<Medication> {
  return db.transaction(async (em) => {
    const med = await loadCurrent(em, id, version, 'changed');
    if (med.startDate && stopDate < med.startDate)
      throw new AppError('validation', 'It cannot be stopped before it was started.', 'stopDate', [
        { field: 'stopDate', message: 'Before the start date' },
      ]);
    await run(
      em,
      sql`
      UPDATE patient_medications SET stop_date = ${stopDate}, stop_reason = ${reason}, version = version + 1,
        updated_at = ${new Date().toISOString()}, updated_by = ${user.username}
      WHERE id = ${id}`,
    );
    return record(em, id, 'stopped', user);
  });
}

export async function medicationHistory(db: DataSource, id: string): Promise<MedicationVersion[]> {
  await load(db, id);
  const rows = await all<HistoryRow>(
    db,
    sql`
    SELECT * FROM patient_medication_history WHERE medication_id = ${id} ORDER BY version`,
  );
  return rows.map((r) => ({
    version: r.version,
    change: r.change,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
    medication: JSON.parse(r.snapshot) as Medication,
  }));
}
