// Drug-therapy problems on a patient's record: confirmed from the checks, or entered by hand.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { DrugTherapyProblem, problemAddRequest, problemResolveRequest } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql } from '../db/sql';
import type { SignedInUser } from '../../preload/schemas/security';
import { assertLivePatient } from '../patients/patient-store';

export type ProblemRow = Omit<Row<'drug_therapy_problems'>, 'source' | 'category' | 'severity' | 'status'> & {
  source: DrugTherapyProblem['source'];
  category: DrugTherapyProblem['category'];
  severity: DrugTherapyProblem['severity'];
  status: DrugTherapyProblem['status'];
};
export const toProblem = (r: ProblemRow): DrugTherapyProblem => ({
  id: r.id,
  patientId: r.patient_id,
  source: r.source,
  ruleId: r.rule_id,
  category: r.category,
  severity: r.severity,
  title: r.title,
  description: r.description,
  suggestedAction: r.suggested_action,
  status: r.status,
  resolvedOn: r.resolved_on,
  resolution: r.resolution,
  resolvedBy: r.resolved_by,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Open problems first, then by when they were recorded. */
export async function listProblems(db: DataSource, patientId: string): Promise<DrugTherapyProblem[]> {
  await assertLivePatient(db.manager, patientId);
  const rows = await all<ProblemRow>(
    db,
    sql`SELECT * FROM drug_therapy_problems WHERE patient_id = ${patientId} ORDER BY status = 'resolved', created_at`,
  );
  return rows.map(toProblem);
}

export async function addProblem(
  db: DataSource,
  user: SignedInUser,
  p: z.output<typeof problemAddRequest>,
): Promise<DrugTherapyProblem> {
  return db.transaction(async (em) => {
    await assertLivePatient(em, p.patientId);
    const id = randomUUID();
    await run(
      em,
      sql`INSERT INTO drug_therapy_problems
            (id, patient_id, source, category, severity, title, description, created_at, created_by)
          VALUES (${id}, ${p.patientId}, 'manual', ${p.category}, ${p.severity}, ${p.title}, ${p.description},
                  ${new Date().toISOString()}, ${user.username})`,
    );
    const row = await one<ProblemRow>(em, sql`SELECT * FROM drug_therapy_problems WHERE id = ${id}`);
    return toProblem(row!);
  });
}

/** A problem of a patient still on file, for a change inside `em`'s transaction. */
async function loadProblem(em: EntityManager, id: string): Promise<ProblemRow> {
  const row = await one<ProblemRow>(em, sql`SELECT * FROM drug_therapy_problems WHERE id = ${id}`);
  if (!row) throw notFound('This drug-therapy problem');
  await assertLivePatient(em, row.patient_id);
  return row;
}

/** Marks an open problem resolved: the day, how (in the pharmacist's words), and who recorded it. */
export async function resolveProblem(
  db: DataSource,
  user: SignedInUser,
  p: z.output<typeof problemResolveRequest>,
): Promise<DrugTherapyProblem> {
  return db.transaction(async (em) => {
    const row = await loadProblem(em, p.id);
    if (row.status === 'resolved')
      throw new AppError(
        'conflict',
        `This problem was already resolved on ${formatIsoDate(row.resolved_on!)} by ${row.resolved_by}. Reopen it first to change that.`,
      );
    const recorded = row.created_at.slice(0, 10);
    if (p.resolvedOn < recorded)
      throw new AppError(
        'validation',
        `The problem was recorded on ${formatIsoDate(recorded)}; it cannot have been resolved before that.`,
        'resolvedOn',
      );
    await run(
      em,
      sql`UPDATE drug_therapy_problems
        SET status = 'resolved', resolved_on = ${p.resolvedOn}, resolution = ${p.resolution},
            resolved_by = ${user.username}
          WHERE id = ${p.id}`,
    );
    return toProblem(await loadProblem(em, p.id));
  });
}

/**
 * Opens a resolved problem again (it came back, or was resolved by mistake); the audit trail keeps the earlier
 * resolution.
 */
export async function reopenProblem(db: DataSource, id: string): Promise<DrugTherapyProblem> {
  return db.transaction(async (em) => {
    const row = await loadProblem(em, id);
    if (row.status === 'open') throw new AppError('conflict', 'This problem is already open.');
    await run(
      em,
      sql`UPDATE drug_therapy_problems SET status = 'open', resolved_on = NULL, resolution = NULL, resolved_by = NULL
          WHERE id = ${id}`,
    );
    return toProblem(await loadProblem(em, id));
  });
}
