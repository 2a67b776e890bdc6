import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PatientData, PatientDetail, PatientSummary } from '../../preload/schemas/patients';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import { formatIsoDate, localHourMinute } from '../../preload/schemas/dates';
import { formatMbi } from '../../preload/schemas/identifiers';
import { lastFirst, personFullName } from '../../preload/person-name';
import { all, one, run, sql, type Q, type Sql } from '../db/sql';
import { patientColumns, toDetail, toSummary, type AllergyRow, type PatientRow } from './patient-mapper';
import { lockRow } from '../db/dialect';

/** Refuses work on a patient who does not exist or was removed. */
export async function assertLivePatient(q: Q, id: string): Promise<void> {
  const row = await one<{ ok: number }>(q, sql`SELECT 1 AS ok FROM patients WHERE id = ${id} AND deleted_at IS NULL`);
  if (!row) throw notFound('This patient');
}

async function loadRow(q: Q, id: string): Promise<PatientRow> {
  const row = await one<PatientRow>(q, sql`SELECT * FROM patients WHERE id = ${id} AND deleted_at IS NULL LIMIT 1`);
  if (!row) throw notFound('This patient');
  return row;
}

async function loadDetail(q: Q, row: PatientRow): Promise<PatientDetail> {
  const allergies = await all<AllergyRow>(
    q,
    sql`
    SELECT * FROM patient_allergies WHERE patient_id = ${row.id} ORDER BY created_at ASC, substance ASC`,
  );
  return toDetail(row, allergies);
}

async function replaceAllergies(q: Q, patientId: string, p: PatientData, now: string): Promise<void> {
  await run(q, sql`DELETE FROM patient_allergies WHERE patient_id = ${patientId}`);
  const rows: AllergyRow[] = p.allergies.map((a) => ({
    id: randomUUID(),
    patient_id: patientId,
    substance: a.substance,
    reaction: a.reaction ?? null,
    severity: a.severity,
    kind: a.kind,
    created_at: now,
  }));
  if (!rows.length) return;
  const values = rows.map(
    (r) => sql`(${r.id}, ${r.patient_id}, ${r.substance}, ${r.reaction}, ${r.severity}, ${r.kind}, ${r.created_at})`,
  );
  await run(
    q,
    sql`
    INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity, kind, created_at)
    VALUES ${sql.join(values, ', ')}`,
  );
}

export async function getPatient(db: DataSource, id: string): Promise<PatientDetail> {
  return loadDetail(db, await loadRow(db, id));
}

/** Living records with the same first name, last name and date of birth (case-insensitive). */
export async function findDuplicates(
  q: Q,
  p: { firstName: string; lastName: string; dateOfBirth: string; excludeId?: string },
): Promise<PatientSummary[]> {
  // COLLATE NOCASE as the name index (idx_patients_name) is built.
  const rows = await all<PatientRow>(
    q,
    sql`
    SELECT p.* FROM patients p
    WHERE p.deleted_at IS NULL
      AND p.date_of_birth = ${p.dateOfBirth}
      AND p.last_name = ${p.lastName.trim()} COLLATE NOCASE
      AND p.first_name = ${p.firstName.trim()} COLLATE NOCASE
      ${p.excludeId ? sql`AND p.id <> ${p.excludeId}` : sql.empty}
    ORDER BY p.created_at`,
  );
  return rows.map(toSummary);
}

/**
 * One living patient per MBI: refuses an MBI another living record holds, naming that patient (the database's partial
 * unique index, where the file allowed it, is the backstop). MBIs are stored bare and upper-case (mbiSchema).
 */
async function refuseTakenMbi(q: Q, mbi: string | undefined, excludeId?: string): Promise<void> {
  if (!mbi) return;
  const holder = await one<Pick<PatientRow, 'first_name' | 'last_name' | 'date_of_birth'>>(
    q,
    sql`SELECT first_name, last_name, date_of_birth FROM patients
        WHERE mbi = ${mbi} AND deleted_at IS NULL ${excludeId ? sql`AND id <> ${excludeId}` : sql.empty}
        ORDER BY created_at LIMIT 1`,
  );
  if (!holder) return;
  const message = `MBI ${formatMbi(mbi)} already belongs to ${lastFirst({ lastName: holder.last_name, firstName: holder.first_name })} (DOB ${formatIsoDate(holder.date_of_birth)}). Open that record, or check the number on the Medicare card.`;
  throw new AppError('validation', message, 'patient.mbi', [{ field: 'patient.mbi', message }]);
}

export async function createPatient(
  db: DataSource,
  user: SignedInUser,
  p: PatientData,
  allowDuplicate: boolean,
): Promise<PatientDetail> {
  return db.transaction(async (em) => {
    await refuseTakenMbi(em, p.mbi);
    if (!allowDuplicate) {
      const dupes = await findDuplicates(em, p);
      if (dupes.length) {
        throw new AppError(
          'duplicate',
          `A patient named ${personFullName(p)}, born ${formatIsoDate(p.dateOfBirth)}, is already registered. Open that record, or confirm this is a different person.`,
        );
      }
    }
    const now = new Date().toISOString();
    const row: PatientRow = {
      id: randomUUID(),
      version: 1,
      ...patientColumns(p),
      created_at: now,
      created_by: user.username,
      updated_at: now,
      updated_by: user.username,
      deleted_at: null,
      deleted_by: null,
      deleted_reason: null,
      external_id: null,
    };
    await run(
      em,
      sql`
      INSERT INTO patients (id, version, first_name, middle_name, last_name, date_of_birth, sex, phone,
        address_line1, address_line2, city, state, zip, preferred_language, large_print, mbi, part_d_plan_name,
        part_d_contract_id, part_d_member_id, no_known_allergies, notes, created_at, created_by, updated_at, updated_by)
      VALUES (${row.id}, ${row.version}, ${row.first_name}, ${row.middle_name}, ${row.last_name}, ${row.date_of_birth},
        ${row.sex}, ${row.phone}, ${row.address_line1}, ${row.address_line2}, ${row.city}, ${row.state}, ${row.zip},
        ${row.preferred_language}, ${row.large_print}, ${row.mbi}, ${row.part_d_plan_name}, ${row.part_d_contract_id},
        ${row.part_d_member_id}, ${row.no_known_allergies}, ${row.notes}, ${row.created_at}, ${row.created_by},
        ${row.updated_at}, ${row.updated_by})`,
    );
    await replaceAllergies(em, row.id, p, now);
    return loadDetail(em, row);
  });
}

export async function updatePatient(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  p: PatientData,
): Promise<PatientDetail> {
  return db.transaction(async (em) => {
    await lockRow(em, 'patients', id);
    const current = await loadRow(em, id);
    if (current.version !== version) {
      throw new AppError(
        'conflict',
        `Someone else changed this patient (at ${localHourMinute(new Date(current.updated_at))} by ${current.updated_by}) after you opened it. Reload to see their changes, then make yours again.`,
      );
    }
    // A record that already shared its MBI (before one patient per MBI) stays editable while the MBI is unchanged.
    if (p.mbi !== current.mbi) await refuseTakenMbi(em, p.mbi, id);
    const now = new Date().toISOString();
    const c = patientColumns(p);
    await run(
      em,
      sql`
      UPDATE patients SET first_name = ${c.first_name}, middle_name = ${c.middle_name}, last_name = ${c.last_name},
        date_of_birth = ${c.date_of_birth}, sex = ${c.sex}, phone = ${c.phone}, address_line1 = ${c.address_line1},
        address_line2 = ${c.address_line2}, city = ${c.city}, state = ${c.state}, zip = ${c.zip},
        preferred_language = ${c.preferred_language}, large_print = ${c.large_print}, mbi = ${c.mbi}, part_d_plan_name = ${c.part_d_plan_name},
        part_d_contract_id = ${c.part_d_contract_id}, part_d_member_id = ${c.part_d_member_id},
        no_known_allergies = ${c.no_known_allergies}, notes = ${c.notes},
        version = ${version + 1}, updated_at = ${now}, updated_by = ${user.username}
      WHERE id = ${id} AND version = ${version}`,
    );
    await replaceAllergies(em, id, p, now);
    return loadDetail(em, await loadRow(em, id));
  });
}

/** Soft delete: the record stays (with who, when and why) but leaves every list and search. */
export async function deletePatient(db: DataSource, user: SignedInUser, id: string, reason: string): Promise<void> {
  await db.transaction(async (em) => {
    await loadRow(em, id);
    await run(
      em,
      sql`
      UPDATE patients
      SET deleted_at = ${new Date().toISOString()}, deleted_by = ${user.username}, deleted_reason = ${reason}
      WHERE id = ${id}`,
    );
  });
}

export async function countPatients(q: Q): Promise<{ active: number; removed: number }> {
  const count = async (where: Sql) =>
    (await one<{ n: number }>(q, sql`SELECT count(*) AS n FROM patients WHERE ${where}`))!.n;
  const [active, removed] = await Promise.all([count(sql`deleted_at IS NULL`), count(sql`deleted_at IS NOT NULL`)]);
  return { active, removed };
}
