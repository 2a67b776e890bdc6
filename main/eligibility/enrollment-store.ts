// A patient's MTM programme steps in a contract year. Each step keeps its date; the status is the
// furthest step reached (an opt-out ends the year's programme unless the patient is enrolled again).
import type { DataSource, EntityManager } from 'typeorm';
import { FIRST_CONTRACT_YEAR, type Enrollment, type EnrollmentAction } from '../../preload/schemas/eligibility';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { one, run, sql } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import { appendAudit } from '../security/audit/audit-log';
import { cmrOfferDueDate } from './targeting';
import { lockRow } from '../db/dialect';

export type EnrollmentRow = Omit<Row<'mtm_enrollments'>, 'cmr_offered_method' | 'dmp_at_risk_source'> & {
  cmr_offered_method: Enrollment['cmrOfferedMethod'];
  dmp_at_risk_source: Enrollment['dmpAtRiskSource'];
};

export function enrollmentOf(r: EnrollmentRow | undefined): Enrollment {
  const status: Enrollment['status'] = !r
    ? 'none'
    : r.opt_out_date
      ? 'optedOut'
      : r.cmr_completed_date
        ? 'cmrCompleted'
        : r.cmr_offered_date
          ? 'cmrOffered'
          : r.enrolled_date
            ? 'enrolled'
            : r.targeted_date
              ? 'targeted'
              : 'none';
  const from = r?.enrolled_date ?? r?.targeted_date ?? null;
  const offerOutstanding = from !== null && !r?.cmr_offered_date && !r?.cmr_completed_date && status !== 'optedOut';
  return {
    status,
    version: r?.version ?? 0,
    targetedDate: r?.targeted_date ?? null,
    enrolledDate: r?.enrolled_date ?? null,
    optOutDate: r?.opt_out_date ?? null,
    optOutReason: r?.opt_out_reason ?? null,
    cmrOfferedDate: r?.cmr_offered_date ?? null,
    cmrOfferedMethod: r?.cmr_offered_method ?? null,
    cmrCompletedDate: r?.cmr_completed_date ?? null,
    dmpAtRiskDate: r?.dmp_at_risk_date ?? null,
    dmpAtRiskSource: r?.dmp_at_risk_source ?? null,
    cmrOfferDueDate: offerOutstanding ? cmrOfferDueDate(from) : null,
  };
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The column changes an action makes, after checking it fits what is already recorded. */
function changesFor(a: EnrollmentAction, e: Enrollment): Partial<Row<'mtm_enrollments'>> {
  // A plan may have identified an at-risk member before the contract year; the status then carries into it.
  if (a.action === 'dmpAtRisk') {
    if (yearOf(a.date) > a.contractYear || yearOf(a.date) < FIRST_CONTRACT_YEAR)
      throw new AppError(
        'validation',
        `The date must fall between ${FIRST_CONTRACT_YEAR} (when drug management programmes began) and the end of ${a.contractYear}.`,
        'date',
      );
    return { dmp_at_risk_date: a.date, dmp_at_risk_source: a.source };
  }
  if (yearOf(a.date) !== a.contractYear)
    throw new AppError('validation', `The date must fall in contract year ${a.contractYear}.`, 'date');
  const openProgramme = () => {
    if (e.status === 'optedOut')
      throw new AppError('conflict', `The patient opted out on ${e.optOutDate}. Enroll them again first.`);
  };
  switch (a.action) {
    case 'target':
      return { targeted_date: a.date };
    case 'enroll':
      // Enrolling again after an opt-out clears it (the audit trail keeps the opt-out).
      return {
        enrolled_date: a.date,
        targeted_date: e.targetedDate ?? a.date,
        opt_out_date: null,
        opt_out_reason: null,
      };
    case 'optOut':
      return { opt_out_date: a.date, opt_out_reason: a.note ? `${a.reason}: ${a.note}` : a.reason };
    case 'offerCmr':
      openProgramme();
      return {
        cmr_offered_date: a.date,
        cmr_offered_method: a.method,
        enrolled_date: e.enrolledDate ?? a.date,
        targeted_date: e.targetedDate ?? a.date,
      };
    case 'dmpEnded':
      if (!e.dmpAtRiskDate)
        throw new AppError(
          'conflict',
          `No drug management programme at-risk status is recorded for ${a.contractYear}.`,
        );
      if (a.date < e.dmpAtRiskDate)
        throw new AppError('validation', `The status cannot end before it began (${e.dmpAtRiskDate}).`, 'date');
      return { dmp_at_risk_date: null, dmp_at_risk_source: null };
    case 'completeCmr':
      openProgramme();
      if (e.cmrOfferedDate && a.date < e.cmrOfferedDate)
        throw new AppError('validation', `The CMR cannot be before it was offered (${e.cmrOfferedDate}).`, 'date');
      return {
        cmr_completed_date: a.date,
        enrolled_date: e.enrolledDate ?? a.date,
        targeted_date: e.targetedDate ?? a.date,
      };
  }
}

export function recordEnrollment(db: DataSource, user: SignedInUser, a: EnrollmentAction): Promise<Enrollment> {
  return db.transaction((em) => applyEnrollment(em, user, a));
}

/** The patient's programme status for a year, and its version for the next step. */
export async function currentEnrollment(
  em: EntityManager,
  patientId: string,
  contractYear: number,
): Promise<Enrollment> {
  const row = await one<EnrollmentRow>(
    em,
    sql`SELECT * FROM mtm_enrollments WHERE patient_id = ${patientId} AND contract_year = ${contractYear}`,
  );
  return enrollmentOf(row);
}

/** Records a programme step inside the caller's transaction (a completed CMR review records its own). */
export async function applyEnrollment(em: EntityManager, user: SignedInUser, a: EnrollmentAction): Promise<Enrollment> {
  await assertLivePatient(em, a.patientId);
  // The patient's row stands for the enrollment, which may not exist yet.
  await lockRow(em, 'patients', a.patientId);
  const current = await currentEnrollment(em, a.patientId, a.contractYear);
  if (current.version !== a.version)
    throw new AppError(
      'conflict',
      "Someone else updated this patient's programme status after you opened it. Reload, then try again.",
    );
  const changes = changesFor(a, current);
  const now = new Date().toISOString();
  if (current.version === 0) {
    await run(
      em,
      sql`INSERT INTO mtm_enrollments (patient_id, contract_year, version, updated_at, updated_by)
          VALUES (${a.patientId}, ${a.contractYear}, 0, ${now}, ${user.username})`,
    );
  }
  // The columns come from changesFor, never from the request.
  const set = sql.join(
    Object.entries(changes).map(([c, v]) => sql`${sql.identifiers(c)} = ${v}`),
    ', ',
  );
  await run(
    em,
    sql`UPDATE mtm_enrollments SET ${set}, version = version + 1, updated_at = ${now}, updated_by = ${user.username}
        WHERE patient_id = ${a.patientId} AND contract_year = ${a.contractYear}`,
  );
  await appendAudit(em, {
    username: user.username,
    action: `mtm.${a.action}`,
    category: 'mtm',
    patientId: a.patientId,
    outcome: 'success',
    detail: `${a.contractYear}: ${a.action} on ${a.date}${'reason' in a ? ` (${a.reason})` : ''}${'method' in a ? ` by ${a.method}` : ''}${'source' in a ? ` from ${a.source}` : ''}`,
  });
  return currentEnrollment(em, a.patientId, a.contractYear);
}
