// The outreach log: every attempt to reach a patient about adherence, kept as it happened.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { OutreachAttempt, outreachLogRequest } from '../../preload/schemas/adherence';
import type { SignedInUser } from '../../preload/schemas/security';
import { all, run, sql } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';

const SELECT = sql`SELECT id, attempted_on AS attemptedOn, method, result, intervention, note, created_by AS "by"
                   FROM adherence_outreach`;

export async function outreachHistory(db: DataSource, patientId: string): Promise<OutreachAttempt[]> {
  await assertLivePatient(db.manager, patientId);
  return all<OutreachAttempt>(
    db,
    sql`${SELECT} WHERE patient_id = ${patientId} ORDER BY attempted_on DESC, created_at DESC`,
  );
}

export async function logOutreach(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof outreachLogRequest>,
): Promise<OutreachAttempt[]> {
  await db.transaction(async (em) => {
    await assertLivePatient(em, req.patientId);
    await run(
      em,
      sql`INSERT INTO adherence_outreach
            (id, patient_id, attempted_on, method, result, intervention, note, created_at, created_by)
          VALUES (${randomUUID()}, ${req.patientId}, ${req.attemptedOn}, ${req.method}, ${req.result},
            ${req.intervention}, ${req.note ?? null}, ${new Date().toISOString()}, ${user.username})`,
    );
  });
  return outreachHistory(db, req.patientId);
}
