// The one way domain code reaches the database: SQL written as a tagged template, so every value is a
// bound parameter (never spliced into the text), and rows typed where they are read. TypeORM keeps the
// connection, transactions and migrations; queries are plain SQL in a portable subset (the few
// differences between SQLite and PostgreSQL live in ./dialect).
import type { EntityManager } from 'typeorm';

/** Whatever runs a query: a DataSource, or the EntityManager of a transaction. */
export type Q = Pick<EntityManager, 'query'>;

const FRAGMENT = Symbol('sql');

export interface Sql {
  readonly [FRAGMENT]: true;
  readonly text: string;
  readonly params: readonly unknown[];
}

const fragment = (text: string, params: readonly unknown[]): Sql => ({ [FRAGMENT]: true, text, params });
const isSql = (v: unknown): v is Sql => typeof v === 'object' && v !== null && FRAGMENT in v;

/**
 * `sql\`SELECT … WHERE id = ${id}\``: values become `?` parameters; an Sql value is inserted as SQL with its own
 * parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1]!;
  });
  return fragment(text, params);
}

/** Fragments joined, e.g. the conditions of a WHERE or the columns of a SET. */
sql.join = (parts: readonly Sql[], separator: string): Sql =>
  fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );

/** `IN (${sql.list(ids)})`; an empty list matches nothing. */
sql.list = (values: readonly unknown[]): Sql =>
  values.length ? fragment(values.map(() => '?').join(', '), values) : fragment('NULL', []);

/** Nothing, for an optional part. */
sql.empty = fragment('', []);

const IDENTIFIERS = /^[A-Za-z_][A-Za-z0-9_.]*( (ASC|DESC))?(, [A-Za-z_][A-Za-z0-9_.]*( (ASC|DESC))?)*$/;

/**
 * Column names or an ORDER BY chosen in code from a fixed list (never from input): only names,
 * commas and ASC/DESC get through, so nothing a user typed can reach the SQL text.
 */
sql.identifiers = (text: string): Sql => {
  if (!IDENTIFIERS.test(text)) throw new Error(`Not a list of column names: ${text.slice(0, 40)}`);
  return fragment(text, []);
};

/** Every row the query returns, typed as the caller declares. */
export async function all<Row>(q: Q, s: Sql): Promise<Row[]> {
  return (await q.query(s.text, [...s.params])) as Row[];
}

/** The first row, or undefined. */
export async function one<Row>(q: Q, s: Sql): Promise<Row | undefined> {
  const [row] = await all<Row>(q, s);
  return row;
}

/** A statement whose rows are not wanted (use RETURNING with `all` to learn what changed). */
export async function run(q: Q, s: Sql): Promise<void> {
  await q.query(s.text, [...s.params]);
}
