// The checks over every patient at once, for the worklist: the same clinical pictures (set-based
// queries for the whole pharmacy) and the same pure rules as the patient screen. Adherence (PDC
// and late refills) is the adherence worklist's, which reads the year's fills day by day.
import type { DataSource } from 'typeorm';
import type { PopulationChecks, PopulationEntry } from '../../preload/schemas/checks';
import { todayIso } from '../../preload/schemas/dates';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';
import { recodeFills } from '../medications/vocabulary/recognise-fills';
import { forEachPicture } from './clinical-picture';
import { runChecks, type RawFinding } from './engine';
import { knowledgeFor } from './knowledge-base';

const SERIOUS = new Set(['contraindicated', 'major']);
const list = (f: RawFinding): keyof Omit<PopulationChecks, 'screened' | 'elapsedMs'> | null => {
  if (f.family === 'missingTherapy' || f.family === 'overuse') return 'careGaps';
  if (f.family === 'pharmacogenomic') return SERIOUS.has(f.severity) ? 'serious' : null;
  if (SERIOUS.has(f.severity)) return 'serious';
  return f.severity === 'moderate' ? 'review' : null;
};

export async function populationChecks(
  db: DataSource,
  knowledgeFolder: string,
  today = todayIso(),
): Promise<PopulationChecks> {
  const started = performance.now();
  await recodeFills(db);
  const { knowledge } = knowledgeFor(knowledgeFolder);
  const dismissals = await all<Pick<Row<'check_dismissals'>, 'patient_id' | 'fingerprint'>>(
    db,
    sql`SELECT patient_id, fingerprint FROM check_dismissals`,
  );
  const dismissed = new Set(dismissals.map((d) => `${d.patient_id}|${d.fingerprint}`));
  const result: PopulationChecks = { screened: 0, serious: [], review: [], careGaps: [], elapsedMs: 0 };
  await forEachPicture(db.manager, today, (p) => {
    result.screened++;
    const byList = new Map<keyof Omit<PopulationChecks, 'screened' | 'elapsedMs'>, string[]>();
    for (const f of runChecks(p, knowledge, { forWorklist: true }).findings) {
      const key = list(f);
      if (!key || dismissed.has(`${p.patientId}|${f.fingerprint}`)) continue;
      byList.set(key, [...(byList.get(key) ?? []), f.title]);
    }
    for (const [key, findings] of byList)
      result[key].push({
        patientId: p.patientId,
        name: p.name,
        dateOfBirth: p.dateOfBirth,
        findings,
      } satisfies PopulationEntry);
  });
  for (const key of ['serious', 'review', 'careGaps'] as const)
    result[key].sort(
      (a, b) => b.findings.length - a.findings.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  result.elapsedMs = Math.round(performance.now() - started);
  return result;
}
