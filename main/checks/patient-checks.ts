// A patient's checks: gather what they take now (the medication list, plus fills whose supply ran
// out no more than 30 days ago), run the bundled and local rules, and mark dismissed findings.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DTP_LABELS, type Finding, type PatientChecks } from '../../preload/schemas/checks';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { todayIso } from '../../preload/schemas/dates';
import type { Row } from '../db/rows';
import { all, run, sql } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import { appendAudit } from '../security/audit/audit-log';
import { loadPicture, type Picture } from './clinical-picture';
import { runChecks } from './engine';
import { knowledgeFor, type Knowledge } from './knowledge-base';

/** A patient's checks: the clinical picture, every rule that applies, and what was dismissed or accepted. */
export async function patientChecks(
  db: DataSource,
  knowledgeFolder: string,
  patientId: string,
  today = todayIso(),
): Promise<PatientChecks> {
  await assertLivePatient(db.manager, patientId);
  const picture = await loadPicture(db.manager, patientId, today);
  const { knowledge, problems } = knowledgeFor(knowledgeFolder);
  const result = runChecks(picture, knowledge);
  const dismissed = await all<
    Pick<Row<'check_dismissals'>, 'fingerprint' | 'reason' | 'dismissed_by' | 'dismissed_at'>
  >(
    db,
    sql`SELECT fingerprint, reason, dismissed_by, dismissed_at FROM check_dismissals WHERE patient_id = ${patientId}`,
  );
  const dismissals = new Map(dismissed.map((d) => [d.fingerprint, d]));
  const confirmed = await all<Pick<Row<'drug_therapy_problems'>, 'fingerprint' | 'created_by' | 'created_at'>>(
    db,
    sql`SELECT fingerprint, created_by, created_at FROM drug_therapy_problems
        WHERE patient_id = ${patientId} AND source = 'check'`,
  );
  const accepted = new Map(confirmed.map((a) => [a.fingerprint, a]));
  const findings: Finding[] = result.findings.map((f) => {
    const d = dismissals.get(f.fingerprint);
    const a = accepted.get(f.fingerprint);
    return {
      ...f,
      dismissed: d ? { reason: d.reason, by: d.dismissed_by, at: d.dismissed_at } : null,
      accepted: a ? { by: a.created_by, at: a.created_at } : null,
    };
  });
  return {
    findings,
    summary: {
      activeDrugs: new Set(picture.medicines.map((d) => d.key)).size,
      uncoded: picture.uncoded,
      interactingPairs: findings.filter((f) => f.family === 'interaction').length,
      duplications: findings.filter((f) => f.family === 'duplication').length,
      ...burdenCounts(picture, knowledge),
      adherence: result.adherence.measures,
      adherenceByDrug: result.adherence.byDrug,
      kidney: picture.kidney,
      notChecked: result.notChecked,
      couldCheckMore: result.couldCheckMore,
      deliberate: result.deliberate,
      conditionsRecorded: picture.codes.length,
      rulesChecked: knowledge.rules.length,
    },
    localRuleProblems: problems,
    knowledgeVersion: knowledge.version,
  };
}

/** The medication-risk counts: which current medicines act on the CNS, and which are strongly anticholinergic. */
function burdenCounts(p: Picture, k: Knowledge) {
  const names = (group: string) =>
    [...new Set(p.medicines.filter((d) => k.matchers.matches({ groups: [group] }, d)).map((d) => d.key))].sort();
  return { cnsActive: names('cns-active'), anticholinergic: names('anticholinergic-strong') };
}

export const knowledgeFolderOf = (dataDir: string) => join(dataDir, 'knowledge');

async function currentFinding(
  db: DataSource,
  knowledgeFolder: string,
  req: { patientId: string; ruleId: string; fingerprint: string },
): Promise<Finding> {
  const current = await patientChecks(db, knowledgeFolder, req.patientId);
  const f = current.findings.find((x) => x.fingerprint === req.fingerprint && x.ruleId === req.ruleId);
  if (!f)
    throw new AppError(
      'notFound',
      'That finding no longer applies to this patient (the medicines involved changed). Reload the checks.',
    );
  if (f.accepted)
    throw new AppError('conflict', `${f.title} is already a drug-therapy problem for this patient (${f.accepted.by}).`);
  return f;
}

/** Confirms a finding as a drug-therapy problem on the patient's record, for the review to take up. */
export async function acceptFinding(
  db: DataSource,
  knowledgeFolder: string,
  user: SignedInUser,
  req: { patientId: string; ruleId: string; fingerprint: string },
): Promise<PatientChecks> {
  const f = await currentFinding(db, knowledgeFolder, req);
  await db.transaction(async (em) => {
    await run(
      em,
      sql`INSERT INTO drug_therapy_problems
            (id, patient_id, source, rule_id, fingerprint, category, severity, title, description, suggested_action,
             created_at, created_by)
          VALUES (${randomUUID()}, ${req.patientId}, 'check', ${f.ruleId}, ${f.fingerprint}, ${f.dtp}, ${f.severity},
            ${f.title}, ${f.explanation}, ${f.action}, ${new Date().toISOString()}, ${user.username})`,
    );
    await run(
      em,
      sql`DELETE FROM check_dismissals WHERE patient_id = ${req.patientId} AND fingerprint = ${f.fingerprint}`,
    );
    await appendAudit(em, {
      username: user.username,
      action: 'check.accept',
      category: 'clinical checks',
      patientId: req.patientId,
      objectId: f.ruleId,
      outcome: 'success',
      detail: `${f.title}: ${DTP_LABELS[f.dtp]}`,
    });
  });
  return patientChecks(db, knowledgeFolder, req.patientId);
}

/** Dismisses a finding the engine still reports for the patient; the reason goes to the audit trail. */
export async function dismissFinding(
  db: DataSource,
  knowledgeFolder: string,
  user: SignedInUser,
  req: { patientId: string; ruleId: string; fingerprint: string; reason: string },
): Promise<PatientChecks> {
  const f = await currentFinding(db, knowledgeFolder, req);
  await db.transaction(async (em) => {
    await run(
      em,
      sql`INSERT INTO check_dismissals (patient_id, fingerprint, rule_id, reason, dismissed_at, dismissed_by)
          VALUES (${req.patientId}, ${req.fingerprint}, ${req.ruleId}, ${req.reason}, ${new Date().toISOString()},
            ${user.username})
          ON CONFLICT (patient_id, fingerprint) DO UPDATE
            SET reason = excluded.reason, dismissed_at = excluded.dismissed_at, dismissed_by = excluded.dismissed_by`,
    );
    await appendAudit(em, {
      username: user.username,
      action: 'check.dismiss',
      category: 'clinical checks',
      patientId: req.patientId,
      objectId: req.ruleId,
      outcome: 'success',
      detail: `${f.title}: ${req.reason}`,
    });
  });
  return patientChecks(db, knowledgeFolder, req.patientId);
}
