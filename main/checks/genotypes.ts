// A patient's pharmacogenomic results, and the CPIC rules they trigger with the current medicines.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Genotype, genotypeAddRequest } from '../../preload/schemas/checks';
import type { SignedInUser } from '../../preload/schemas/security';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { assertLivePatient } from '../patients/patient-store';
import type { Picture } from './clinical-picture';
import { findingFor, type RawFinding } from './engine';
import type { Knowledge, LoadedRule } from './knowledge-base';

type GenotypeRow = Row<'patient_genotypes'>;
const toGenotype = (r: GenotypeRow): Genotype => ({
  id: r.id,
  gene: r.gene,
  result: r.result,
  testedOn: r.tested_on,
  laboratory: r.laboratory,
  recordedBy: r.created_by,
});

/** Every result, newest first per gene. */
export async function listGenotypes(q: Q, patientId: string): Promise<Genotype[]> {
  await assertLivePatient(q, patientId);
  const rows = await all<GenotypeRow>(
    q,
    sql`SELECT * FROM patient_genotypes WHERE patient_id = ${patientId} ORDER BY gene, tested_on DESC, created_at DESC`,
  );
  return rows.map(toGenotype);
}

export async function addGenotype(
  db: DataSource,
  user: SignedInUser,
  g: z.output<typeof genotypeAddRequest>,
): Promise<Genotype> {
  return db.transaction(async (em) => {
    await assertLivePatient(em, g.patientId);
    const id = randomUUID();
    await run(
      em,
      sql`INSERT INTO patient_genotypes (id, patient_id, gene, result, tested_on, laboratory, created_at, created_by)
          VALUES (${id}, ${g.patientId}, ${g.gene}, ${g.result}, ${g.testedOn}, ${g.laboratory ?? null},
                  ${new Date().toISOString()}, ${user.username})`,
    );
    const row = await one<GenotypeRow>(em, sql`SELECT * FROM patient_genotypes WHERE id = ${id}`);
    return toGenotype(row!);
  });
}

/** The latest result per gene decides; a rule fires for each current drug it names. */
export function pharmacogenomicFindings(rules: readonly LoadedRule[], p: Picture, k: Knowledge): RawFinding[] {
  if (!p.genotypes.length) return [];
  const latest = new Map(p.genotypes.map((g) => [g.gene, g]));
  return rules.flatMap((rule) => {
    if (rule.family !== 'pharmacogenomic') return [];
    const g = latest.get(rule.gene);
    const involved = p.medicines.filter((d) => k.matchers.matches(rule.match, d));
    if (!g || !rule.results.includes(g.result) || !involved.length) return [];
    const f = findingFor(rule, involved);
    return [
      {
        ...f,
        title: `${f.title}: ${rule.gene} ${g.result.toLowerCase()}`,
        explanation: `${f.explanation} Result on file: ${rule.gene} ${g.result}, tested ${g.testedOn}.`,
      },
    ];
  });
}
