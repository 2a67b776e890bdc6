// The per-patient cache of whole-pharmacy figures (table population_figures): which patients' figures are stale,
// and writing fresh ones. SQLite triggers (migration 1765800000000) make a patient stale when their fills,
// conditions, medications, labs, genotypes or dismissed checks change; a new day makes every row stale once, since
// PDC and days late are counted to today — the first read of a day recomputes the pharmacy, later reads only the
// patients changed since.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { castTo, columnTypes } from '../db/dialect';
import { all, backendOf, run, sql } from '../db/sql';

/** The parts of a row (adherence, checks, the eligibility screen's fill sums), each with its own as-of date. */
const AS_OF = { adherence: 'adherence_as_of', checks: 'checks_as_of', eligibility: 'eligibility_as_of' } as const;
export type FiguresPart = keyof typeof AS_OF;

/**
 * Living patients whose part is stale (no row, not computed for `today`, or, for the checks, computed with another
 * knowledge version), and how many living patients there are: the caller chooses between recomputing only those and
 * one set-based pass over the pharmacy.
 */
export async function stalePatients(
  db: DataSource,
  half: FiguresPart,
  today: string,
  knowledgeVersion?: string,
): Promise<{ ids: string[]; living: number }> {
  const asOf = sql.identifiers(`f.${AS_OF[half]}`);
  const version = knowledgeVersion === undefined ? sql.empty : sql` OR f.knowledge_version <> ${knowledgeVersion}`;
  const rows = await all<{ id: string; living: number }>(
    db,
    sql`SELECT p.id, (SELECT count(*) FROM patients WHERE deleted_at IS NULL) AS living
        FROM patients p LEFT JOIN population_figures f ON f.patient_id = p.id
        WHERE p.deleted_at IS NULL AND (CAST(${asOf} AS text) IS NULL OR ${asOf} <> ${today}${version})`,
  );
  return { ids: rows.map((r) => r.id), living: rows[0]?.living ?? 0 };
}

/** Rows per statement: well inside SQLite's limit on bound parameters. */
const BATCH = 400;
const batches = <T>(rows: readonly T[]) =>
  Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

/**
 * Marks the stale patients' half as being recomputed, before their records are read, with a token in its as-of
 * column. A write to a source table while the figures are computed clears the token (the triggers), so the figures
 * computed from the older read are not kept (see writeFigures).
 */
export async function claimStale(db: DataSource, half: FiguresPart, ids: readonly string[]): Promise<string> {
  const token = `computing ${randomUUID()}`;
  const asOf = sql.identifiers(AS_OF[half]);
  for (const part of batches(ids))
    await run(
      db,
      sql`INSERT INTO population_figures (patient_id, ${asOf})
          VALUES ${sql.join(
            part.map((id) => sql`(${id}, ${token})`),
            ', ',
          )}
          ON CONFLICT (patient_id) DO UPDATE SET ${asOf} = excluded.${asOf}`,
    );
  return token;
}

/**
 * Writes one half of the claimed patients' figures: each row is the patient id and then `columns` in order (the
 * half's as-of date first). Patients not claimed under `token`, or changed since, are left as they are.
 */
export async function writeFigures(
  db: DataSource,
  half: FiguresPart,
  token: string,
  columns: readonly string[],
  rows: readonly unknown[][],
) {
  // VALUES columns are column1, column2… in SQLite and PostgreSQL alike; column1 is the patient id.
  // dialect: PostgreSQL takes a VALUES list's bound values as text, so each is cast to its column's type there.
  const types = backendOf(db) === 'postgres' ? await columnTypes(db, 'population_figures') : null;
  const set = sql.join(
    columns.map((c, i) => {
      const value = sql.identifiers(`v.column${i + 2}`);
      return sql`${sql.identifiers(c)} = ${types ? castTo(value, types.get(c)!) : value}`;
    }),
    ', ',
  );
  const asOf = sql.identifiers(`population_figures.${AS_OF[half]}`);
  for (const part of batches(rows))
    await run(
      db,
      sql`UPDATE population_figures SET ${set}
          FROM (VALUES ${sql.join(
            part.map((r) => sql`(${sql.list(r)})`),
            ', ',
          )}) AS v
          WHERE population_figures.patient_id = v.column1 AND ${asOf} = ${token}`,
    );
}

/** Most of the pharmacy stale (a new day): one set-based pass over every patient is cheaper than the list of ids. */
export const mostOf = (ids: readonly string[], living: number) => ids.length * 2 > living;

/** Who is stale, as stalePatients says; a caller that has just asked passes it on rather than asking again. */
type Stale = Awaited<ReturnType<typeof stalePatients>>;

/**
 * Brings one part of the figures up to `today`: the stale patients (at most `atMost`) are claimed, `compute` works
 * out a row per id (the patient id, then `columns` in order), and the rows are written unless a patient changed
 * meanwhile. Says how many patients are still stale.
 */
export async function refreshStale(
  db: DataSource,
  part: FiguresPart,
  today: string,
  columns: readonly string[],
  compute: (ids: string[], living: number) => Promise<unknown[][]>,
  opts: { knowledgeVersion?: string; atMost?: number; stale?: Stale } = {},
): Promise<number> {
  const stale = opts.stale ?? (await stalePatients(db, part, today, opts.knowledgeVersion));
  const ids = stale.ids.slice(0, opts.atMost ?? Infinity);
  if (!ids.length) return 0;
  const token = await claimStale(db, part, ids);
  await writeFigures(db, part, token, columns, await compute(ids, stale.living));
  return stale.ids.length - ids.length;
}
