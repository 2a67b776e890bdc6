import { randomUUID } from 'node:crypto';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { PatientData, PatientDetail, PatientSummary } from '../../preload/schemas/patients';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import { formatIsoDate } from '../../preload/schemas/dates';
import { AllergyEntity, PatientEntity, type AllergyRow, type PatientRow } from './patient.entity';
import { patientColumns, toDetail, toSummary } from './patient-mapper';

/** Refuses work on a patient who does not exist or was removed. */
export async function assertLivePatient(q: Pick<EntityManager, 'query'>, id: string): Promise<void> {
  const [row] = (await q.query('SELECT 1 AS ok FROM patients WHERE id = ? AND deleted_at IS NULL', [id])) as unknown[];
  if (!row) throw notFound('This patient');
}

async function loadRow(em: EntityManager, id: string): Promise<PatientRow> {
  const row = await em.findOne(PatientEntity, { where: { id, deletedAt: IsNull() } });
  if (!row) throw notFound('This patient');
  return row;
}

async function loadDetail(em: EntityManager, row: PatientRow): Promise<PatientDetail> {
  const allergies = await em.find(AllergyEntity, { where: { patientId: row.id }, order: { createdAt: 'ASC', substance: 'ASC' } });
  return toDetail(row, allergies);
}

async function replaceAllergies(em: EntityManager, patientId: string, p: PatientData, now: string): Promise<void> {
  await em.delete(AllergyEntity, { patientId });
  const rows: AllergyRow[] = p.allergies.map((a) => ({
    id: randomUUID(),
    patientId,
    substance: a.substance,
    reaction: a.reaction ?? null,
    severity: a.severity,
    kind: a.kind,
    createdAt: now,
  }));
  if (rows.length) await em.insert(AllergyEntity, rows);
}

export async function getPatient(db: DataSource, id: string): Promise<PatientDetail> {
  return loadDetail(db.manager, await loadRow(db.manager, id));
}

/** Living records with the same first name, last name and date of birth (case-insensitive). */
export async function findDuplicates(
  em: EntityManager,
  p: { firstName: string; lastName: string; dateOfBirth: string; excludeId?: string },
): Promise<PatientSummary[]> {
  const rows = await em
    .createQueryBuilder(PatientEntity, 'p')
    .where('p.deleted_at IS NULL')
    .andWhere('p.date_of_birth = :dob', { dob: p.dateOfBirth })
    .andWhere('p.last_name = :last COLLATE NOCASE', { last: p.lastName.trim() })
    .andWhere('p.first_name = :first COLLATE NOCASE', { first: p.firstName.trim() })
    .andWhere(p.excludeId ? 'p.id <> :excludeId' : '1=1', { excludeId: p.excludeId })
    .orderBy('p.created_at')
    .getMany();
  return rows.map(toSummary);
}

export async function createPatient(db: DataSource, user: SignedInUser, p: PatientData, allowDuplicate: boolean): Promise<PatientDetail> {
  return db.transaction(async (em) => {
    if (!allowDuplicate) {
      const dupes = await findDuplicates(em, p);
      if (dupes.length) {
        throw new AppError(
          'duplicate',
          `A patient named ${p.firstName} ${p.lastName}, born ${formatIsoDate(p.dateOfBirth)}, is already registered. Open that record, or confirm this is a different person.`,
        );
      }
    }
    const now = new Date().toISOString();
    const row: PatientRow = {
      id: randomUUID(),
      version: 1,
      ...patientColumns(p),
      createdAt: now,
      createdBy: user.username,
      updatedAt: now,
      updatedBy: user.username,
      deletedAt: null,
      deletedBy: null,
      deletedReason: null,
    };
    await em.insert(PatientEntity, row);
    await replaceAllergies(em, row.id, p, now);
    return loadDetail(em, row);
  });
}

export async function updatePatient(db: DataSource, user: SignedInUser, id: string, version: number, p: PatientData): Promise<PatientDetail> {
  return db.transaction(async (em) => {
    const current = await loadRow(em, id);
    if (current.version !== version) {
      throw new AppError('conflict', `Someone else changed this patient (at ${current.updatedAt.slice(11, 16)} UTC by ${current.updatedBy}) after you opened it. Reload to see their changes, then make yours again.`);
    }
    const now = new Date().toISOString();
    await em.update(PatientEntity, { id, version }, { ...patientColumns(p), version: version + 1, updatedAt: now, updatedBy: user.username });
    await replaceAllergies(em, id, p, now);
    return loadDetail(em, await loadRow(em, id));
  });
}

/** Soft delete: the record stays (with who, when and why) but leaves every list and search. */
export async function deletePatient(db: DataSource, user: SignedInUser, id: string, reason: string): Promise<void> {
  await db.transaction(async (em) => {
    await loadRow(em, id);
    await em.update(PatientEntity, { id }, { deletedAt: new Date().toISOString(), deletedBy: user.username, deletedReason: reason });
  });
}

export async function countPatients(em: EntityManager): Promise<{ active: number; removed: number }> {
  const [active, removed] = await Promise.all([
    em.count(PatientEntity, { where: { deletedAt: IsNull() } }),
    em.count(PatientEntity, { where: { deletedAt: Not(IsNull()) } }),
  ]);
  return { active, removed };
}
