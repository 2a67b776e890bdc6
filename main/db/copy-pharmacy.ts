// Copies a whole pharmacy from one database to another with the same migrations, in either direction
// between the encrypted file and a shared server (issue 21: `mtm move`, and backups of a shared
// database, which are encrypted files like every other backup). The tables, their columns and their
// foreign keys are read from the source's catalog, so a table a later migration adds is copied too.
// The source is read in one consistent snapshot; the target is written in one transaction, verified
// (row counts, the audit chain and its last hash) before it commits.
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors';
import { verifyAuditChain } from '../security/audit/audit-log';
import { all, backendOf, one, run, sql, type Backend, type Q } from './sql';

/** What the copy moved, and what the target was checked to hold before it committed. */
export interface CopyReport {
  tables: { name: string; rows: number }[];
  /** The audit trail's rows, all verified on the target. */
  auditRows: number;
  /** The audit trail's last hash, the same on both sides (null: an empty trail). */
  lastHash: string | null;
  ms: number;
}

export interface CopyOptions {
  /** Rows read from the source per page (default 5 000). */
  pageRows?: number;
  /** After each batch written: the table and its rows copied so far (a throw rolls the copy back). */
  onProgress?: (table: string, rows: number) => void;
  /** Runs in the target's transaction once the copy is verified (the keyring, an audit entry): a throw rolls all back. */
  beforeCommit?: (target: EntityManager, report: CopyReport) => Promise<void>;
}

/** Not pharmacy data: the migrations each side ran itself, and the keyring, which travels apart (a backup's header, pushKeyring). */
const NOT_COPIED = new Set(['schema_migrations', 'shared_keyring']);

/** Tables a set-up pharmacy has rows in: a target with any is refused (the audit trail cannot be emptied anyway). */
const SET_UP = ['pharmacy', 'users', 'audit_log', 'shared_keyring'];

/**
 * population_figures is a cache: the triggers on fills, conditions, medicines and the rest drop or mark stale a
 * patient's row as those are written. Copied last, after every table its triggers watch, its rows arrive intact
 * and still current, so the first worklist on the target need not recompute every patient (as empty it would).
 */
const COPIED_LAST = 'population_figures';

/** At most this many bound parameters in one INSERT (PostgreSQL allows 65 535; SQLite, since 3.32, 32 766). */
const MAX_PARAMS: Record<Backend, number> = { postgres: 65_535, sqlite: 32_766 };

interface Table {
  name: string;
  columns: string[];
  /** Tables its foreign keys point at (itself excluded). */
  references: Set<string>;
  /** Its columns pointing at its own rows: written after all its rows are in, whatever order they come in. */
  selfReferences: string[];
  /** On PostgreSQL: whether it has the insertion-order column (else physical order is read). */
  ordered: boolean;
}

type Rows = Record<string, unknown>[];

const name = (text: string) => sql.identifiers(text);

// dialect: each backend's own catalog.
async function catalog(q: Q): Promise<Table[]> {
  type Column = { tbl: string; col: string };
  type Reference = { tbl: string; ref: string; col: string };
  const postgres = backendOf(q) === 'postgres';
  const columns = postgres
    ? await all<Column>(
        q,
        // Columns the database fills itself (GENERATED ALWAYS: the insertion order) are regenerated, not copied.
        sql`SELECT c.table_name AS tbl, c.column_name AS col FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            AND c.is_generated = 'NEVER' AND coalesce(c.identity_generation, '') <> 'ALWAYS'
          ORDER BY c.table_name, c.ordinal_position`,
      )
    : await all<Column>(
        q,
        sql`SELECT t.name AS tbl, c.name AS col FROM sqlite_master t, pragma_table_info(t.name) c
          WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name, c.cid`,
      );
  const references = postgres
    ? await all<Reference>(
        q,
        sql`SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref, a.attname AS col
          FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
      )
    : await all<Reference>(
        q,
        sql`SELECT t.name AS tbl, f."table" AS ref, f."from" AS col FROM sqlite_master t, pragma_foreign_key_list(t.name) f
          WHERE t.type = 'table'`,
      );
  const ordered = postgres
    ? new Set(
        (
          await all<{ tbl: string }>(
            q,
            sql`SELECT table_name AS tbl FROM information_schema.columns
              WHERE table_schema = current_schema() AND column_name = 'insertion_order'`,
          )
        ).map((r) => r.tbl),
      )
    : null;
  const tables = new Map<string, Table>();
  for (const { tbl, col } of columns) {
    if (NOT_COPIED.has(tbl)) continue;
    const t = tables.get(tbl) ?? { name: tbl, columns: [], references: new Set(), selfReferences: [], ordered: true };
    t.columns.push(col);
    t.ordered = ordered?.has(tbl) ?? true;
    tables.set(tbl, t);
  }
  for (const { tbl, ref, col } of references) {
    const t = tables.get(tbl);
    if (!t) continue;
    if (ref === tbl) t.selfReferences.push(col);
    else t.references.add(ref);
  }
  return inDependencyOrder([...tables.values()]);
}

/** Every table after the tables it references (the cache last); a cycle between tables is refused. */
function inDependencyOrder(tables: Table[]): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: Table[] = [];
  const visit = (t: Table, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name))
      throw new AppError(
        'internal',
        `The tables ${path.join(', ')} refer to each other in a cycle: they cannot be copied in order.`,
      );
    for (const ref of t.references) {
      const r = byName.get(ref);
      if (r) visit(r, [...path, t.name]);
    }
    done.add(t.name);
    order.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) if (t.name !== COPIED_LAST) visit(t, []);
  const last = byName.get(COPIED_LAST);
  return last ? [...order, last] : order;
}

const latestMigration = async (q: Q) =>
  (await one<{ name: string }>(q, sql`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`))?.name ?? 'none';

const countOf = async (q: Q, table: string) =>
  (await one<{ n: number }>(q, sql`SELECT count(*) AS n FROM ${name(table)}`))!.n;

/**
 * The source's rows of `t` a page at a time, in insertion order: keyset on SQLite's rowid or PostgreSQL's
 * insertion-order column; a PostgreSQL table without one is read in physical order (its ctid), which nothing
 * depends on: the tables read in insertion order have the column.
 */
async function* pages(q: Q, t: Table, pageRows: number): AsyncGenerator<Rows> {
  // dialect: the key each backend reads a table in order by.
  const key = backendOf(q) === 'sqlite' ? 'rowid' : t.ordered ? 'insertion_order' : 'ctid';
  const after = (last: unknown) =>
    last === undefined
      ? sql.empty
      : key === 'ctid'
        ? sql`WHERE ctid > CAST(${last} AS tid)`
        : sql`WHERE ${name(key)} > ${last}`;
  let last: unknown;
  for (;;) {
    const rows = await all<Record<string, unknown>>(
      q,
      sql`SELECT ${name(key)} AS mtm_copy_key, ${name(t.columns.join(', '))} FROM ${name(t.name)}
        ${after(last)} ORDER BY ${name(key)} LIMIT ${pageRows}`,
    );
    if (!rows.length) return;
    last = rows.at(-1)!.mtm_copy_key;
    yield rows;
    if (rows.length < pageRows) return;
  }
}

/** One multi-row INSERT per batch, every value bound; self-references are set afterwards (see Table). */
async function insertRows(q: Q, t: Table, rows: Rows): Promise<void> {
  const values = (r: Record<string, unknown>) =>
    sql`(${sql.list(t.columns.map((c) => (t.selfReferences.includes(c) ? null : r[c])))})`;
  await run(
    q,
    sql`INSERT INTO ${name(t.name)} (${name(t.columns.join(', '))}) VALUES ${sql.join(rows.map(values), ', ')}`,
  );
}

/** The rows' self-references, once every row they can point at is in. */
async function linkRows(q: Q, t: Table, keyColumn: string, rows: Rows): Promise<void> {
  for (const r of rows)
    for (const c of t.selfReferences)
      if (r[c] !== null)
        await run(q, sql`UPDATE ${name(t.name)} SET ${name(c)} = ${r[c]} WHERE ${name(keyColumn)} = ${r[keyColumn]}`);
}

// dialect: identity columns keep their own counter on PostgreSQL (SQLite's AUTOINCREMENT follows inserted ids itself).
async function advanceIdentities(q: Q, copied: Set<string>): Promise<void> {
  if (backendOf(q) !== 'postgres') return;
  const identities = await all<{ tbl: string; col: string }>(
    q,
    sql`SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
      WHERE table_schema = current_schema() AND identity_generation = 'BY DEFAULT'`,
  );
  for (const { tbl, col } of identities.filter((i) => copied.has(i.tbl)))
    await run(q, sql`SELECT setval(pg_get_serial_sequence(${tbl}, ${col}), max(${name(col)})) FROM ${name(tbl)}`);
}

/** The target must be a database no pharmacy was set up in (what the migrations themselves add is replaced). */
async function assertEmptyTarget(q: Q): Promise<void> {
  for (const table of SET_UP)
    if ((await countOf(q, table)) > 0)
      throw new AppError(
        'alreadyInitialized',
        'The target database already holds a pharmacy: nothing was copied. Copy only into an empty database.',
      );
}

/** The source's snapshot transaction: REPEATABLE READ on PostgreSQL (one consistent view), a read transaction on SQLite. */
function readConsistently<T>(from: DataSource, fn: (q: EntityManager) => Promise<T>): Promise<T> {
  return backendOf(from) === 'postgres' ? from.transaction('REPEATABLE READ', fn) : from.transaction(fn);
}

/**
 * Copies every pharmacy table of `from` into `to` (both at the same latest migration; `to` holding no pharmacy)
 * in foreign-key order and one transaction on `to`, verified before it commits; on any failure `to` is unchanged.
 */
export async function copyPharmacy(from: DataSource, to: DataSource, opts: CopyOptions = {}): Promise<CopyReport> {
  const started = performance.now();
  const pageRows = opts.pageRows ?? 5_000;
  return readConsistently(from, async (source) => {
    const [fromVersion, toVersion] = [await latestMigration(source), await latestMigration(to)];
    if (fromVersion !== toVersion)
      throw new AppError(
        'internal',
        `The two databases are at different versions (${fromVersion} and ${toVersion}): open both with the same version of MTM Desk first. Nothing was copied.`,
      );
    const tables = await catalog(source);
    return to.transaction(async (target) => {
      await assertEmptyTarget(target);
      // What the migrations put in (starter phrases, counters) gives way to the source's own rows.
      for (const t of [...tables].reverse()) await run(target, sql`DELETE FROM ${name(t.name)}`);
      const report: CopyReport = { tables: [], auditRows: 0, lastHash: null, ms: 0 };
      const backend = backendOf(target);
      for (const t of tables) {
        const batch = Math.max(1, Math.min(pageRows, Math.floor(MAX_PARAMS[backend] / t.columns.length)));
        const linked: Rows = [];
        let copied = 0;
        for await (const page of pages(source, t, pageRows)) {
          for (let i = 0; i < page.length; i += batch) await insertRows(target, t, page.slice(i, i + batch));
          if (t.selfReferences.length) linked.push(...page.filter((r) => t.selfReferences.some((c) => r[c] !== null)));
          copied += page.length;
          opts.onProgress?.(t.name, copied);
        }
        if (linked.length) await linkRows(target, t, t.columns[0]!, linked);
        const [expected, written] = [await countOf(source, t.name), await countOf(target, t.name)];
        if (copied !== expected || written !== expected)
          throw new AppError(
            'internal',
            `The copy of ${t.name} has ${written} rows where the source has ${expected}. Nothing was copied.`,
          );
        report.tables.push({ name: t.name, rows: written });
      }
      await advanceIdentities(target, new Set(tables.map((t) => t.name)));
      await verifyCopiedTrail(source, target, report);
      report.ms = Math.round(performance.now() - started);
      await opts.beforeCommit?.(target, report);
      return report;
    });
  });
}

/** The target's audit chain verifies end to end, as long as the source's and ending in the same hash. */
async function verifyCopiedTrail(source: Q, target: Q, report: CopyReport): Promise<void> {
  const chain = await verifyAuditChain(target);
  const lastOf = async (q: Q) =>
    (await one<{ hash: string }>(q, sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`))?.hash ?? null;
  const [sourceLast, targetLast] = [await lastOf(source), await lastOf(target)];
  if (!chain.ok)
    throw new AppError(
      'internal',
      `The copied audit trail does not verify at entry ${chain.brokenAt} (${chain.reason}). Nothing was copied.`,
    );
  if (chain.rows !== (await countOf(source, 'audit_log')) || targetLast !== sourceLast)
    throw new AppError(
      'internal',
      'The copied audit trail does not end where the source trail ends. Nothing was copied.',
    );
  report.auditRows = chain.rows;
  report.lastHash = targetLast;
}
