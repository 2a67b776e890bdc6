// The checks over every patient at once, for the worklist: the same clinical pictures (set-based queries for the
// whole pharmacy) and the same pure rules as the patient screen, kept per patient in population_figures and
// recomputed only for the patients whose records changed (or all of them, once a day). Adherence (PDC and late
// refills) is the adherence worklist's, which reads the year's fills day by day.
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { lastFirst } from '../../preload/person-name';
import {
  POPULATION_LISTS,
  type PopulationChecks,
  type PopulationEntry,
  type PopulationList,
  type populationRequest,
} from '../../preload/schemas/checks';
import { todayIso } from '../../preload/schemas/dates';
import { PAGE_SIZE } from '../../preload/schemas/paging';
import { jsonValues } from '../db/dialect';
import type { Row } from '../db/rows';
import { all, one, sql } from '../db/sql';
import { recodeFills } from '../medications/vocabulary/recognise-fills';
import { interpretQuery } from '../patients/patient-search';
import { refreshStale } from '../population/figures-store';
import { forEachPicture, loadPicture, type Picture } from './clinical-picture';
import { runChecks, type RawFinding } from './engine';
import { BUNDLED_RULES, knowledgeFor, type Knowledge } from './knowledge-base';

const SERIOUS = new Set(['contraindicated', 'major']);
const listOf = (f: RawFinding): PopulationList | null => {
  // A patient checked alone has the year's fills in the picture, so PDC findings too: they are the adherence list's.
  if (f.family === 'adherence' || f.family === 'lateRefill') return null;
  if (f.family === 'missingTherapy' || f.family === 'overuse') return 'careGaps';
  if (f.family === 'pharmacogenomic') return SERIOUS.has(f.severity) ? 'serious' : null;
  if (SERIOUS.has(f.severity)) return 'serious';
  return f.severity === 'moderate' ? 'review' : null;
};
/** Each list's columns in population_figures: the finding titles (JSON) and how many. */
const COLUMNS: Record<PopulationList, { titles: string; count: string }> = {
  serious: { titles: 'f.serious', count: 'f.serious_count' },
  review: { titles: 'f.review', count: 'f.review_count' },
  careGaps: { titles: 'f.care_gaps', count: 'f.care_gap_count' },
};
const WRITTEN = [
  'checks_as_of',
  'knowledge_version',
  'serious',
  'serious_count',
  'review',
  'review_count',
  'care_gaps',
  'care_gap_count',
] as const;
/** At most this many stale patients are checked one by one; more, and one pass over the pharmacy is cheaper. */
const ONE_BY_ONE = 25;

/** The knowledge's version, with the pharmacy's local rules' content: an edited local rule makes every row stale. */
function versionOf(k: Knowledge): string {
  const local = k.rules.slice(BUNDLED_RULES.length);
  if (!local.length) return k.version;
  return `${k.version} ${createHash('sha256').update(JSON.stringify(local)).digest('hex').slice(0, 16)}`;
}

/**
 * Brings every living patient's check figures up to `today`, computing only the stale ones: one by one when they
 * are at most `oneByOneAtMost`, else in one pass over the pharmacy.
 */
export async function refreshCheckFigures(
  db: DataSource,
  knowledgeFolder: string,
  today: string,
  oneByOneAtMost = ONE_BY_ONE,
): Promise<void> {
  // Fills recognised late change drug_key, which the triggers turn into stale rows before the read below.
  await recodeFills(db);
  const { knowledge } = knowledgeFor(knowledgeFolder);
  const version = versionOf(knowledge);
  await refreshStale(
    db,
    'checks',
    today,
    WRITTEN,
    async (ids) => {
      const oneByOne = ids.length <= oneByOneAtMost;
      const dismissals = await all<Pick<Row<'check_dismissals'>, 'patient_id' | 'fingerprint'>>(
        db,
        sql`SELECT patient_id, fingerprint FROM check_dismissals
            ${oneByOne ? sql`WHERE patient_id IN ${jsonValues(JSON.stringify(ids))}` : sql.empty}`,
      );
      const dismissed = new Set(dismissals.map((d) => `${d.patient_id}|${d.fingerprint}`));
      const rows: unknown[][] = [];
      const visit = (p: Picture) => {
        const found: Record<PopulationList, string[]> = { serious: [], review: [], careGaps: [] };
        for (const f of runChecks(p, knowledge, { forWorklist: true }).findings) {
          const key = listOf(f);
          if (key && !dismissed.has(`${p.patientId}|${f.fingerprint}`)) found[key].push(f.title);
        }
        rows.push([
          p.patientId,
          today,
          version,
          ...POPULATION_LISTS.flatMap((l) => [JSON.stringify(found[l]), found[l].length]),
        ]);
      };
      if (oneByOne) for (const id of ids) visit(await loadPicture(db.manager, id, today));
      else await forEachPicture(db.manager, today, visit);
      return rows;
    },
    { knowledgeVersion: version },
  );
}

/**
 * One page of one list, patients with the most findings first; each list's size, and how many patients were
 * checked. Searchable by name or date of birth.
 */
export async function populationChecks(
  db: DataSource,
  knowledgeFolder: string,
  query: Partial<z.output<typeof populationRequest>> = {},
  today = todayIso(),
): Promise<PopulationChecks> {
  const started = performance.now();
  const { list = 'serious', offset = 0, limit = PAGE_SIZE } = query;
  await refreshCheckFigures(db, knowledgeFolder, today);
  const living = sql`population_figures f JOIN patients p ON p.id = f.patient_id AND p.deleted_at IS NULL`;
  const sizes = (await one<Record<PopulationList, number> & { screened: number }>(
    db,
    sql`SELECT count(*) AS screened, count(CASE WHEN f.serious_count > 0 THEN 1 END) AS serious,
               count(CASE WHEN f.review_count > 0 THEN 1 END) AS review,
               count(CASE WHEN f.care_gap_count > 0 THEN 1 END) AS careGaps
        FROM ${living}`,
  ))!;
  const column = COLUMNS[list];
  const count = sql.identifiers(column.count);
  const where = sql.join([sql`${count} > 0`, ...interpretQuery(query.search ?? '').where], ' AND ');
  const { total } = (await one<{ total: number }>(db, sql`SELECT count(*) AS total FROM ${living} WHERE ${where}`))!;
  const rows = await all<
    Pick<Row<'patients'>, 'id' | 'date_of_birth' | 'last_name' | 'first_name'> & { titles: string }
  >(
    db,
    sql`SELECT p.id, p.last_name, p.first_name, p.date_of_birth, ${sql.identifiers(column.titles)} AS titles
        FROM ${living} WHERE ${where}
        ORDER BY ${count} DESC, p.last_name, p.first_name, p.date_of_birth, p.id
        LIMIT ${limit} OFFSET ${offset}`,
  );
  return {
    screened: sizes.screened,
    counts: { serious: sizes.serious, review: sizes.review, careGaps: sizes.careGaps },
    list,
    items: rows.map((r): PopulationEntry => ({
      patientId: r.id,
      name: lastFirst({ lastName: r.last_name, firstName: r.first_name }),
      dateOfBirth: r.date_of_birth,
      findings: JSON.parse(r.titles) as string[],
    })),
    total,
    offset,
    limit,
    elapsedMs: Math.round(performance.now() - started),
  };
}
