// Many rows written in one transaction, all or nothing, the same way on both backends. The caller's work is
// a generator of steps (a statement, a many-row insert, the audit row), each answered with the number of rows
// it changed, so the caller never knows which backend runs it. On the encrypted file the steps run inside one
// synchronous better-sqlite3 transaction with prepared statements: as fast as SQLite goes, and nothing else on
// the connection can slip in between. On PostgreSQL they run in one TypeORM transaction, thousands of rows per
// statement (one bound array per column, unnested by the server).
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors';
import { appendAudit, appendAuditRaw, type AuditEvent } from '../security/audit/audit-log';
import { rawConnection } from './data-source';
import { columnTypes, connectionLost, exclusively, LOCKS } from './dialect';
import { backendOf, render, sql, type Sql } from './sql';

interface Insert {
  kind: 'insert';
  table: string;
  columns: readonly string[];
  rows: Iterable<readonly unknown[]>;
  ignoreDuplicates: boolean;
}

/** One thing to write: its answer is the number of rows it changed. */
export type Step = Insert | { kind: 'statement'; sql: Sql } | { kind: 'audit'; event: AuditEvent };

/** The work of inOneTransaction: `const n = yield step` for each step; what it returns is the result. */
export type BulkWork<T> = Generator<Step, T, number>;

function* mapped<T>(items: Iterable<T>, values: (item: T) => readonly unknown[]): Iterable<readonly unknown[]> {
  for (const item of items) yield values(item);
}

/**
 * `values(item)` for each item into `columns` of `table` (names from code, never from input); with
 * `ignoreDuplicates`, a row whose key is already there is skipped (ON CONFLICT DO NOTHING) and not counted.
 */
export const insertRows = <T>(
  table: string,
  columns: readonly string[],
  items: Iterable<T>,
  values: (item: T) => readonly unknown[],
  options: { ignoreDuplicates?: boolean } = {},
): Step => {
  sql.identifiers([table, ...columns].join(', '));
  return { kind: 'insert', table, columns, rows: mapped(items, values), ignoreDuplicates: !!options.ignoreDuplicates };
};

/** One statement. */
export const statement = (s: Sql): Step => ({ kind: 'statement', sql: s });

/** The audit row of the work, committed with it (an import is never there without its audit row). */
export const audited = (event: AuditEvent): Step => ({ kind: 'audit', event });

const conflictClause = (step: Insert) => (step.ignoreDuplicates ? ' ON CONFLICT DO NOTHING' : '');

type Raw = ReturnType<typeof rawConnection>;

function onSqlite(raw: Raw, step: Step): number {
  if (step.kind === 'audit') {
    appendAuditRaw(raw, step.event);
    return 1;
  }
  if (step.kind === 'statement') return raw.prepare(step.sql.text).run(...step.sql.params).changes;
  const insert = raw.prepare(
    `INSERT INTO ${step.table} (${step.columns.join(', ')}) VALUES (${step.columns.map(() => '?').join(', ')})${conflictClause(step)}`,
  );
  let changed = 0;
  for (const row of step.rows) changed += insert.run(row as unknown[]).changes;
  return changed;
}

/** Rows per PostgreSQL statement: big enough that round trips do not count, small enough to stay light on memory. */
export const POSTGRES_BATCH = 5_000;

type Runner = NonNullable<EntityManager['queryRunner']>;

async function onPostgres(em: EntityManager, step: Step): Promise<number> {
  const runner: Runner = em.queryRunner!;
  if (step.kind === 'audit') {
    await appendAudit(em, step.event);
    return 1;
  }
  if (step.kind === 'statement') {
    const { text, params } = render(step.sql, 'postgres');
    return (await runner.query(text, params, true)).affected ?? 0;
  }
  // unnest needs each array's type: the columns' own, from the catalog.
  const types = await columnTypes(em, step.table);
  const arrays = step.columns.map((c, i) => `CAST($${i + 1} AS ${types.get(c)}[])`).join(', ');
  const text = `INSERT INTO ${step.table} (${step.columns.join(', ')}) SELECT * FROM unnest(${arrays})${conflictClause(step)}`;
  let changed = 0;
  let batch: unknown[][] = step.columns.map(() => []);
  const flush = async () => {
    if (batch[0]!.length) changed += (await runner.query(text, batch, true)).affected ?? 0;
    batch = step.columns.map(() => []);
  };
  for (const row of step.rows) {
    row.forEach((v, i) => batch[i]!.push(v));
    if (batch[0]!.length === POSTGRES_BATCH) await flush();
  }
  await flush();
  return changed;
}

/**
 * Runs `work` in one transaction: every step is written, or (on any error) none is. `what` names the work in
 * the error shown when the shared database's server goes away in the middle.
 */
export async function inOneTransaction<T>(db: DataSource, what: string, work: () => BulkWork<T>): Promise<T> {
  if (backendOf(db) === 'sqlite') {
    const raw = rawConnection(db);
    return raw.transaction(() => {
      const steps = work();
      let next = steps.next();
      while (!next.done) next = steps.next(onSqlite(raw, next.value));
      return next.value;
    })();
  }
  let committing = false;
  try {
    return await db.transaction(async (em) => {
      const steps = work();
      let next = steps.next();
      while (!next.done) next = steps.next(await onPostgres(em, next.value));
      committing = true;
      return next.value;
    });
  } catch (err) {
    if (!connectionLost(err)) throw err;
    throw new AppError(
      'unavailable',
      committing
        ? `The connection to the shared database was lost while saving ${what}: check whether it was saved before trying again.`
        : `The connection to the shared database was lost during ${what}: nothing from it was saved. Try again once the database server is back.`,
    );
  }
}

/**
 * Runs an import (fills, RxNorm, ICD-10-CM) unless another workstation is running one: two at once would each
 * see the other's half-made rows as already there, so the second is refused at once with a plain reason.
 */
export const oneImportAtATime = <T>(db: DataSource, fn: () => Promise<T>): Promise<T> =>
  exclusively(
    db,
    LOCKS.import,
    'Another workstation is importing a file right now. Nothing was imported here: try again when it has finished.',
    fn,
  );
