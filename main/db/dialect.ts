// The SQL that differs between SQLite (the encrypted file) and PostgreSQL (the shared server, issue
// 21), in one place: everything else is written in the subset both understand. Each function returns
// a fragment for the `sql` tag, rendered for the backend the query runs on.
import { AppError } from '../common/errors';
import { all, backendOf, sql, Sql, type Q } from './sql';

/** An ISO date (YYYY-MM-DD text) `days` days after `date` (both fragments or values), as ISO text. */
export const addDays = (date: Sql, days: Sql): Sql =>
  sql.perBackend({
    sqlite: sql`date(${date}, '+' || (${days}) || ' days')`,
    postgres: sql`to_char(CAST(${date} AS date) + CAST(${days} AS integer), 'YYYY-MM-DD')`,
  });

/** The distinct values of `expr` in a group, joined by commas. */
export const commaList = (expr: Sql): Sql =>
  sql.perBackend({
    sqlite: sql`group_concat(DISTINCT ${expr})`,
    postgres: sql`string_agg(DISTINCT CAST(${expr} AS text), ',')`,
  });

/** The elements of a JSON array given as one text parameter, as a one-column (`value`) table. */
export const jsonValues = (json: string): Sql =>
  sql.perBackend({
    sqlite: sql`(SELECT value FROM json_each(${json}))`,
    postgres: sql`(SELECT value FROM json_array_elements_text(CAST(${json} AS json)) AS j (value))`,
  });

/**
 * The order rows were inserted in: SQLite's rowid; on PostgreSQL the identity column the migrations add
 * to the tables read this way (see migrations/dialect.ts, INSERTION_ORDER).
 */
export const insertionOrder = (alias?: string): Sql => {
  const column = (name: string) => sql.identifiers(alias ? `${alias}.${name}` : name);
  return sql.perBackend({ sqlite: column('rowid'), postgres: column('insertion_order') });
};

/**
 * `column LIKE pattern`, ignoring case as SQLite's LIKE does (the pattern's wildcards escaped with backslash, see
 * main/common/like.ts). PostgreSQL refuses LIKE on a nondeterministic (nocase) column and its LIKE minds case, so
 * there it is ILIKE under the default collation.
 */
export const like = (column: Sql, pattern: string): Sql =>
  sql.perBackend({
    sqlite: sql`${column} LIKE ${pattern} ESCAPE '\\'`,
    postgres: sql`${column} COLLATE "default" ILIKE ${pattern} ESCAPE '\\'`,
  });

/** The SHA-256 of a text, in lower-case hex (on SQLite, a function the connection defines: ./data-source). */
export const sha256Hex = (text: Sql): Sql =>
  sql.perBackend({
    sqlite: sql`mtm_sha256(${text})`,
    postgres: sql`encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`,
  });

/** Locks taken with whileHolding: one number per kind of work that workstations take turns at. */
/**
 * PostgreSQL's own types of `table`'s columns (from the catalog), for values it cannot type by itself: the
 * arrays of a bulk insert, the columns of a VALUES list (which it would otherwise take as text).
 */
export async function columnTypes(q: Q, table: string): Promise<Map<string, string>> {
  const rows = await all<{ name: string; type: string }>(
    q,
    sql`SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute
      WHERE attrelid = CAST(${table} AS regclass) AND attnum > 0 AND NOT attisdropped`,
  );
  return new Map(rows.map((c) => [c.name, c.type]));
}

/**
 * Holds row `id` of `table` until the transaction ends: a version read and the write after it are then one
 * step on a server where two workstations write at once (on SQLite the one writer already makes it so).
 */
export async function lockRow(q: Q, table: string, id: string): Promise<void> {
  if (backendOf(q) === 'postgres')
    await q.query(`SELECT 1 FROM ${sql.identifiers(table).text} WHERE id = $1 FOR UPDATE`, [id]);
}

const TYPE_NAME = /^[a-z][a-z0-9 ]*$/;

/** `value` cast to a type named by the catalog (columnTypes), never by input. */
export function castTo(value: Sql, type: string): Sql {
  if (!TYPE_NAME.test(type)) throw new Error(`Not a type name: ${type.slice(0, 40)}`);
  return sql`CAST(${value} AS ${new Sql([type])})`;
}

/** A server gone (shut down, crashed, unreachable) rather than a statement refused. */
export function connectionLost(err: unknown): boolean {
  const { code, message, name } = err as { code?: unknown; message?: unknown; name?: unknown };
  return (
    name === 'QueryRunnerAlreadyReleasedError' ||
    (typeof code === 'string' && (/^(08|57P0)/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code))) ||
    /connection terminated|connection.*(closed|ended)/i.test(String(message))
  );
}

export const LOCKS = { auditChain: 0x6d746d01, import: 0x6d746d02, claimExport: 0x6d746d03 } as const;

type Manager = Q & { transaction?: unknown; queryRunner?: { isTransactionActive: boolean } };

/**
 * Runs `fn` holding `lock` until its transaction ends. SQLite has one writer at a time already; on
 * PostgreSQL other workstations' transactions wait for the lock (outside a transaction, one is begun).
 */
export async function whileHolding<T>(q: Q, lock: number, fn: (q: Q) => Promise<T>): Promise<T> {
  if (backendOf(q) === 'sqlite') return fn(q);
  const m = q as Manager;
  const locked = async (t: Q) => {
    await t.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    return fn(t);
  };
  if (m.queryRunner?.isTransactionActive || typeof m.transaction !== 'function') return locked(q);
  return (q as unknown as { transaction: (f: (em: Q) => Promise<T>) => Promise<T> }).transaction(locked);
}

type Source = Q & {
  createQueryRunner?: () => {
    connect(): Promise<unknown>;
    query(t: string, p?: unknown[]): Promise<unknown>;
    release(): Promise<void>;
  };
};

/**
 * Runs `fn` unless another workstation holds `lock` (then refuses at once with `busy`, changing nothing):
 * for work two workstations must not do at the same time, such as imports and claim exports. On SQLite
 * the one process already runs such work one at a time.
 */
export async function exclusively<T>(db: Q, lock: number, busy: string, fn: () => Promise<T>): Promise<T> {
  const source = db as Source;
  if (backendOf(db) === 'sqlite' || !source.createQueryRunner) return fn();
  // A session lock lives on one connection: held on a runner of its own for the whole of `fn`.
  const runner = source.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS got', [lock])) as { got: boolean }[];
    if (!row?.got) throw new AppError('conflict', busy);
    try {
      return await fn();
    } finally {
      // A connection the server dropped took its lock with it; fn's own error is the one to report.
      await runner.query('SELECT pg_advisory_unlock($1)', [lock]).catch(() => undefined);
    }
  } finally {
    await runner.release().catch(() => undefined);
  }
}
