// The checks over every patient at once, for the worklist: a few set-based queries, then the same
// pure rules per patient in memory. Renal rules need each patient's labs and are left to the
// patient screen.
import type { DataSource } from 'typeorm';
import { FILL_GRACE_DAYS, type PopulationChecks } from '../../preload/schemas/checks';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { ageOnIso, isoDaysBefore } from '../../preload/schemas/dates';
import { classOfIngredient, listedIngredient } from '../medications/vocabulary/bundled';
import { recodeFills } from '../medications/vocabulary/recognise-fills';
import { adherenceMeasure, type AdherenceRule } from './adherence';
import { isCurrentFill } from './current-fills';
import { careGapFindings, olderAdultFindings } from './care-gaps';
import { byIngredient, runRules, type ActiveDrug } from './engine';
import { BUNDLED_RULES, loadLocalRules } from './knowledge-base';
import { groupBy } from '../common/group-by';

const drugOf = (ingredient: string, product: string, source: ActiveDrug['source']): ActiveDrug => ({ ingredient, product, source, classCode: classOfIngredient(ingredient) });

export async function populationChecks(db: DataSource, knowledgeFolder: string, today = new Date().toISOString().slice(0, 10)): Promise<PopulationChecks> {
  const started = performance.now();
  await recodeFills(db);
  const rules = [...BUNDLED_RULES, ...loadLocalRules(knowledgeFolder).rules];
  const since = isoDaysBefore(today, 364);
  const patients = (await db.query(`SELECT id, first_name, last_name, date_of_birth FROM patients WHERE deleted_at IS NULL`)) as { id: string; first_name: string; last_name: string; date_of_birth: string }[];
  const listed = groupBy((await db.query('SELECT patient_id, product, rxcui FROM patient_medications WHERE stop_date IS NULL')) as { patient_id: string; product: string; rxcui: string | null }[], (r) => r.patient_id);
  const fills = groupBy(
    (await db.query(
      // In the fills index's order (patient, day): SQLite seeks each living patient's window and never sorts.
      `SELECT patient_id, drug_key, fill_date, max(days_supply) AS days_supply FROM fills
       WHERE patient_id IN (SELECT id FROM patients WHERE deleted_at IS NULL) AND fill_date BETWEEN ? AND ? AND drug_key IS NOT NULL GROUP BY patient_id, fill_date, drug_key`,
      // far enough back for a year of adherence and for a long supply that is still current
      [isoDaysBefore(today, 365 + FILL_GRACE_DAYS), today],
    )) as { patient_id: string; drug_key: string; fill_date: string; days_supply: number }[],
    (r) => r.patient_id,
  );
  const conditions = groupBy((await db.query('SELECT patient_id, code FROM patient_conditions WHERE resolved_on IS NULL')) as { patient_id: string; code: string }[], (r) => r.patient_id);
  const dismissed = new Set(((await db.query('SELECT patient_id, fingerprint FROM check_dismissals')) as { patient_id: string; fingerprint: string }[]).map((d) => `${d.patient_id}|${d.fingerprint}`));
  const adherenceRules = rules.filter((r): r is AdherenceRule => r.family === 'adherence');

  const result: PopulationChecks = { screened: patients.length, majorInteraction: [], lowAdherence: [], careGaps: [], elapsedMs: 0 };
  for (const p of patients) {
    const name = `${p.last_name}, ${p.first_name}`;
    const allFills = fills.get(p.id) ?? [];
    const current: ActiveDrug[] = [];
    for (const m of listed.get(p.id) ?? []) {
      const ingredient = listedIngredient(m.rxcui, m.product);
      if (ingredient) current.push(drugOf(ingredient, m.product, 'list'));
    }
    for (const f of allFills) if (isCurrentFill(f.fill_date, f.days_supply, today)) current.push(drugOf(f.drug_key, f.drug_key, 'fill'));
    const drugs = byIngredient(current);
    const open = (fingerprint: string) => !dismissed.has(`${p.id}|${fingerprint}`);

    const serious = runRules(drugs, rules).filter((f) => f.family === 'interaction' && (f.severity === 'contraindicated' || f.severity === 'major') && open(f.fingerprint));
    if (serious.length) result.majorInteraction.push({ patientId: p.id, name, findings: serious.map((f) => f.title) });

    const yearFills = allFills.filter((f) => f.fill_date >= since);
    const codes = (conditions.get(p.id) ?? []).map((c) => c.code);
    const diseases = coreDiseasesOf(codes);
    const low: string[] = [];
    const adherenceFills = yearFills.map((f) => ({ ingredient: f.drug_key, date: f.fill_date, daysSupply: f.days_supply }));
    for (const rule of adherenceRules) {
      const r = adherenceMeasure(rule, adherenceFills, diseases, since, today);
      if (r && r.pdc < rule.threshold) low.push(`${rule.id.replace('pdc.', '')} ${Math.round(r.pdc * 100)}%`);
    }
    if (low.length) result.lowAdherence.push({ patientId: p.id, name, findings: low });

    const context = { age: ageOnIso(p.date_of_birth, today), codes, diseases, fills: yearFills.map((f) => drugOf(f.drug_key, f.drug_key, 'fill')), current: drugs };
    const gaps = [...careGapFindings(rules, context), ...olderAdultFindings(rules, context)].filter((f) => open(f.fingerprint));
    if (gaps.length) result.careGaps.push({ patientId: p.id, name, findings: gaps.map((f) => f.title) });
  }
  for (const list of [result.majorInteraction, result.lowAdherence, result.careGaps]) list.sort((a, b) => a.name.localeCompare(b.name));
  result.elapsedMs = Math.round(performance.now() - started);
  return result;
}
