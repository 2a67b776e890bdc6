// Drug-therapy problems on a patient's record: confirmed from the checks, or entered by hand.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { DrugTherapyProblem, problemAddRequest } from '../../preload/schemas/checks';
import type { SignedInUser } from '../../preload/schemas/security';
import { assertLivePatient } from '../patients/patient-store';

export type ProblemRow = { id: string; source: DrugTherapyProblem['source']; rule_id: string | null; category: DrugTherapyProblem['category']; severity: DrugTherapyProblem['severity']; title: string; description: string; suggested_action: string | null; status: DrugTherapyProblem['status']; created_at: string; created_by: string };
export const toProblem = (r: ProblemRow): DrugTherapyProblem => ({ id: r.id, source: r.source, ruleId: r.rule_id, category: r.category, severity: r.severity, title: r.title, description: r.description, suggestedAction: r.suggested_action, status: r.status, createdAt: r.created_at, createdBy: r.created_by });

/** Open problems first, then by when they were recorded. */
export async function listProblems(db: DataSource, patientId: string): Promise<DrugTherapyProblem[]> {
  await assertLivePatient(db.manager, patientId);
  return ((await db.query(`SELECT * FROM drug_therapy_problems WHERE patient_id = ? ORDER BY status = 'resolved', created_at`, [patientId])) as ProblemRow[]).map(toProblem);
}

export async function addProblem(db: DataSource, user: SignedInUser, p: z.output<typeof problemAddRequest>): Promise<DrugTherapyProblem> {
  return db.transaction(async (em) => {
    await assertLivePatient(em, p.patientId);
    const id = randomUUID();
    await em.query(`INSERT INTO drug_therapy_problems (id, patient_id, source, category, severity, title, description, created_at, created_by) VALUES (?, ?, 'manual', ?, ?, ?, ?, ?, ?)`, [
      id, p.patientId, p.category, p.severity, p.title, p.description, new Date().toISOString(), user.username,
    ]);
    const [row] = (await em.query('SELECT * FROM drug_therapy_problems WHERE id = ?', [id])) as ProblemRow[];
    return toProblem(row!);
  });
}
