// A patient's checks: gather what they take now (the medication list, plus fills whose supply ran
// out no more than 30 days ago), run the bundled and local rules, and mark dismissed findings.
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DTP_LABELS, type Finding, type PatientChecks } from '../../preload/schemas/checks';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { bundledDrug, listedIngredient } from '../medications/vocabulary/bundled';
import { recognisedKey, recogniseFills } from '../medications/vocabulary/recognise-fills';
import { assertLivePatient } from '../patients/patient-store';
import { appendAudit } from '../security/audit/audit-log';
import { adherenceFindings } from './adherence';
import { CURRENT_FILL_SQL } from './current-fills';
import { careGapContext, careGapFindings, olderAdultFindings } from './care-gaps';
import { listGenotypes, pharmacogenomicFindings } from './genotypes';
import { kidneyEstimates, renalFindings } from './renal';
import burden from '../../resources/knowledge/burden.json';
import { byIngredient, matches, runRules, sortFindings, type ActiveDrug } from './engine';
import { BUNDLED_RULES, KNOWLEDGE_VERSION, loadLocalRules } from './knowledge-base';

type Q = Pick<EntityManager, 'query'>;


async function activeDrugs(q: Q, patientId: string, today: string): Promise<{ drugs: ActiveDrug[]; uncoded: string[] }> {
  const listed = (await q.query('SELECT product, rxcui FROM patient_medications WHERE patient_id = ? AND stop_date IS NULL ORDER BY product COLLATE NOCASE', [patientId])) as { product: string; rxcui: string | null }[];
  const keys = await recogniseFills(q, listed.map((m) => ({ ndc: null, drugName: m.product })));
  const drugs: ActiveDrug[] = [];
  const uncoded: string[] = [];
  for (const m of listed) {
    const ingredient = listedIngredient(m.rxcui, m.product) ?? recognisedKey(keys, { ndc: null, drugName: m.product });
    if (ingredient) drugs.push({ ingredient, product: m.product, source: 'list', classCode: bundledDrug(ingredient)?.class ?? null });
    else uncoded.push(m.product);
  }
  const fills = (await q.query(
    `SELECT drug_key AS ingredient, max(drug_name) AS product FROM fills
     WHERE patient_id = ? AND drug_key IS NOT NULL AND ${CURRENT_FILL_SQL} GROUP BY drug_key`,
    [patientId, today],
  )) as { ingredient: string; product: string | null }[];
  for (const f of fills) drugs.push({ ingredient: f.ingredient, product: f.product ?? f.ingredient, source: 'fill', classCode: bundledDrug(f.ingredient)?.class ?? null });
  return { drugs, uncoded };
}

export async function patientChecks(db: DataSource, knowledgeFolder: string, patientId: string, today = new Date().toISOString().slice(0, 10)): Promise<PatientChecks> {
  await assertLivePatient(db.manager, patientId);
  const { drugs, uncoded } = await activeDrugs(db.manager, patientId, today);
  const local = loadLocalRules(knowledgeFolder);
  const rules = [...BUNDLED_RULES, ...local.rules];
  const adherence = await adherenceFindings(db.manager, patientId, rules, today);
  const kidney = await kidneyEstimates(db.manager, patientId, today);
  const current = byIngredient(drugs);
  const context = await careGapContext(db.manager, patientId, current, today);
  const gaps = [...careGapFindings(rules, context), ...olderAdultFindings(rules, context), ...pharmacogenomicFindings(rules, await listGenotypes(db.manager, patientId), current)];
  const raw = sortFindings([...runRules(drugs, rules), ...renalFindings(current, rules, kidney), ...gaps, ...adherence.findings]);
  const dismissals = new Map(
    ((await db.query('SELECT fingerprint, reason, dismissed_by, dismissed_at FROM check_dismissals WHERE patient_id = ?', [patientId])) as { fingerprint: string; reason: string; dismissed_by: string; dismissed_at: string }[]).map((d) => [d.fingerprint, d]),
  );
  const accepted = new Map(
    ((await db.query(`SELECT fingerprint, created_by, created_at FROM drug_therapy_problems WHERE patient_id = ? AND source = 'check'`, [patientId])) as { fingerprint: string; created_by: string; created_at: string }[]).map((a) => [a.fingerprint, a]),
  );
  const findings: Finding[] = raw.map((f) => {
    const d = dismissals.get(f.fingerprint);
    const a = accepted.get(f.fingerprint);
    return { ...f, dismissed: d ? { reason: d.reason, by: d.dismissed_by, at: d.dismissed_at } : null, accepted: a ? { by: a.created_by, at: a.created_at } : null };
  });
  return {
    findings,
    summary: {
      activeDrugs: new Set(drugs.map((d) => d.ingredient)).size,
      uncoded,
      interactingPairs: findings.filter((f) => f.family === 'interaction').length,
      duplications: findings.filter((f) => f.family === 'duplication').length,
      ...burdenCounts(current),
      adherence: adherence.measures,
      adherenceByDrug: adherence.byDrug,
      kidney,
    },
    localRuleProblems: local.problems,
    knowledgeVersion: KNOWLEDGE_VERSION,
  };
}

/** The medication-risk counts: which current medicines act on the CNS, and which are anticholinergic. */
function burdenCounts(current: ActiveDrug[]) {
  const names = (m: { ingredients?: string[]; classes?: string[] }) => current.filter((d) => matches(m, d)).map((d) => d.ingredient).sort();
  return { cnsActive: names(burden.cnsActive), anticholinergic: names(burden.anticholinergic) };
}

export const knowledgeFolderOf = (dataDir: string) => join(dataDir, 'knowledge');

async function currentFinding(db: DataSource, knowledgeFolder: string, req: { patientId: string; ruleId: string; fingerprint: string }): Promise<Finding> {
  const current = await patientChecks(db, knowledgeFolder, req.patientId);
  const f = current.findings.find((x) => x.fingerprint === req.fingerprint && x.ruleId === req.ruleId);
  if (!f) throw new AppError('notFound', 'That finding no longer applies to this patient (the medicines involved changed). Reload the checks.');
  if (f.accepted) throw new AppError('conflict', `${f.title} is already a drug-therapy problem for this patient (${f.accepted.by}).`);
  return f;
}

/** Confirms a finding as a drug-therapy problem on the patient's record, for the review to take up. */
export async function acceptFinding(db: DataSource, knowledgeFolder: string, user: SignedInUser, req: { patientId: string; ruleId: string; fingerprint: string }): Promise<PatientChecks> {
  const f = await currentFinding(db, knowledgeFolder, req);
  await db.transaction(async (em) => {
    await em.query(
      `INSERT INTO drug_therapy_problems (id, patient_id, source, rule_id, fingerprint, category, severity, title, description, suggested_action, created_at, created_by) VALUES (?, ?, 'check', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), req.patientId, f.ruleId, f.fingerprint, f.dtp, f.severity, f.title, f.explanation, f.action, new Date().toISOString(), user.username],
    );
    await em.query('DELETE FROM check_dismissals WHERE patient_id = ? AND fingerprint = ?', [req.patientId, f.fingerprint]);
    await appendAudit(em, { username: user.username, action: 'check.accept', category: 'clinical checks', patientId: req.patientId, objectId: f.ruleId, outcome: 'success', detail: `${f.title}: ${DTP_LABELS[f.dtp]}` });
  });
  return patientChecks(db, knowledgeFolder, req.patientId);
}

/** Dismisses a finding the engine still reports for the patient; the reason goes to the audit trail. */
export async function dismissFinding(db: DataSource, knowledgeFolder: string, user: SignedInUser, req: { patientId: string; ruleId: string; fingerprint: string; reason: string }): Promise<PatientChecks> {
  const f = await currentFinding(db, knowledgeFolder, req);
  await db.transaction(async (em) => {
    await em.query(
      `INSERT INTO check_dismissals (patient_id, fingerprint, rule_id, reason, dismissed_at, dismissed_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (patient_id, fingerprint) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at, dismissed_by = excluded.dismissed_by`,
      [req.patientId, req.fingerprint, req.ruleId, req.reason, new Date().toISOString(), user.username],
    );
    await appendAudit(em, { username: user.username, action: 'check.dismiss', category: 'clinical checks', patientId: req.patientId, objectId: req.ruleId, outcome: 'success', detail: `${f.title}: ${req.reason}` });
  });
  return patientChecks(db, knowledgeFolder, req.patientId);
}
