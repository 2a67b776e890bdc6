// Renal rules: the patient's kidney estimates from their latest serum creatinine and weight of the
// last 12 months, against each rule's threshold for the drugs it names.
import type { EntityManager } from 'typeorm';
import { ageOnIso, isoDaysBefore } from '../../preload/schemas/dates';
import type { PatientChecks } from '../../preload/schemas/checks';
import { findingFor, matches, type ActiveDrug, type RawFinding } from './engine';
import { ckdEpi2021, cockcroftGault } from './kidney';
import type { LoadedRule } from './knowledge-base';

type Q = Pick<EntityManager, 'query'>;
type Kidney = PatientChecks['summary']['kidney'];

export async function kidneyEstimates(q: Q, patientId: string, today: string): Promise<Kidney> {
  const [p] = (await q.query('SELECT date_of_birth, sex FROM patients WHERE id = ?', [patientId])) as { date_of_birth: string; sex: string }[];
  const since = isoDaysBefore(today, 365);
  const latest = async (type: string) =>
    ((await q.query('SELECT value, taken_on FROM patient_labs WHERE patient_id = ? AND type = ? AND taken_on BETWEEN ? AND ? ORDER BY taken_on DESC LIMIT 1', [patientId, type, since, today])) as { value: number; taken_on: string }[])[0];
  const scr = await latest('scr');
  if (!p || !scr) return { crcl: null, egfr: null, scrDate: null, note: 'No serum creatinine in the last 12 months: renal dosing checks did not run.' };
  if (p.sex !== 'female' && p.sex !== 'male') return { crcl: null, egfr: null, scrDate: scr.taken_on, note: 'Sex not recorded: kidney function cannot be estimated.' };
  const age = ageOnIso(p.date_of_birth, today);
  const weight = await latest('weight');
  return {
    crcl: weight ? Math.round(cockcroftGault(age, weight.value, scr.value, p.sex)) : null,
    egfr: Math.round(ckdEpi2021(age, scr.value, p.sex)),
    scrDate: scr.taken_on,
    note: weight ? null : 'No weight in the last 12 months: creatinine clearance (Cockcroft–Gault) not estimated.',
  };
}

export function renalFindings(drugs: ActiveDrug[], rules: readonly LoadedRule[], kidney: Kidney): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if (rule.family !== 'renal') continue;
    const value = rule.measure === 'crcl' ? kidney.crcl : kidney.egfr;
    if (value === null) continue;
    const low = rule.below !== undefined ? value < rule.below : value <= rule.atOrBelow!;
    const involved = drugs.filter((d) => matches(rule.match, d));
    if (!low || !involved.length) continue;
    const label = rule.measure === 'crcl' ? `creatinine clearance ${value} mL/min` : `eGFR ${value} mL/min/1.73 m²`;
    const f = findingFor(rule, involved);
    out.push({ ...f, title: `${f.title}: ${label}`, explanation: `${f.explanation} This patient: ${label} (serum creatinine of ${kidney.scrDate}).` });
  }
  return out;
}
