// The one way domain code reaches the database: SQL written as a tagged template, so every value is a
// bound parameter (never spliced into the text), and rows typed where they are read. TypeORM keeps the
// connection, transactions and migrations; queries are plain SQL in a portable subset (the few
// differences between SQLite and PostgreSQL live in ./dialect). A fragment is backend-neutral: its
// placeholders and dialect parts are rendered only when it runs, for the backend it runs on.
import type { EntityManager } from 'typeorm';

/** The database engines a pharmacy can run on: the encrypted file, or a shared server. */
export type Backend = 'sqlite' | 'postgres';

interface Options {
  readonly options: { readonly type: string };
}

/**
 * Whatever runs a query: a DataSource, the EntityManager of a transaction, or a migration's QueryRunner
 * (each knows its connection, hence which backend to render for).
 */
export type Q = Pick<EntityManager, 'query'> & (Options | { readonly connection: Options });

/** The backend a query runner talks to. */
export function backendOf(q: Q): Backend {
  const { type } = 'connection' in q ? q.connection.options : q.options;
  return type === 'postgres' ? 'postgres' : 'sqlite';
}

/** Literal SQL text, a bound value, or SQL that differs by backend. */
type Part = string | Value | PerBackend;

class Value {
  constructor(readonly value: unknown) {}
}

class PerBackend {
  constructor(readonly forms: Readonly<Record<Backend, Sql>>) {}
}

interface Rendered {
  text: string;
  params: unknown[];
}

/** A fragment of SQL: its parts are rendered for a backend only when it runs (see render). */
export class Sql {
  constructor(readonly parts: readonly Part[]) {}

  /** The SQLite text, with `?` placeholders (for a raw better-sqlite3 statement, and for tests). */
  get text(): string {
    return render(this, 'sqlite').text;
  }

  /** The SQLite parameters, in order. */
  get params(): unknown[] {
    return render(this, 'sqlite').params;
  }
}

/**
 * dialect: PostgreSQL folds an unquoted name to lower case, so `AS daysSupply` would answer `dayssupply`. There
 * camel-case names (only ever the aliases the code reads rows by) are quoted, outside string literals.
 */
const LITERAL = /('(?:[^']|'')*'|"[^"]*")/;
const CAMEL_NAME = /\b([a-z][a-z0-9]*[A-Z]\w*)\b/g;
/** Each text part quoted once: parts come from the code's templates, a fixed set, and are rendered on every query. */
const quoted = new Map<string, string>();
function quoteCamel(text: string): string {
  let out = quoted.get(text);
  if (out === undefined) {
    out = text
      .split(LITERAL)
      .map((piece, i) => (i % 2 ? piece : piece.replace(CAMEL_NAME, '"$1"')))
      .join('');
    quoted.set(text, out);
  }
  return out;
}

function renderInto(parts: readonly Part[], backend: Backend, out: Rendered): void {
  for (const p of parts) {
    if (typeof p === 'string') out.text += backend === 'postgres' ? quoteCamel(p) : p;
    else if (p instanceof Value) {
      out.params.push(p.value);
      out.text += backend === 'postgres' ? `$${out.params.length}` : '?';
    } else renderInto(p.forms[backend].parts, backend, out);
  }
}

/** The text and parameters of a fragment for one backend. */
export function render(s: Sql, backend: Backend): Rendered {
  const out: Rendered = { text: '', params: [] };
  renderInto(s.parts, backend, out);
  return out;
}

/** Appends a part, joining adjacent text so rendering walks few parts. */
function add(parts: Part[], p: Part): void {
  const last = parts.length - 1;
  if (typeof p === 'string' && typeof parts[last] === 'string') parts[last] += p;
  else parts.push(p);
}

/**
 * `sql\`SELECT … WHERE id = ${id}\``: values become parameters (`?` on SQLite, `$1…` on PostgreSQL); an Sql
 * value is inserted as SQL with its own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: Part[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Sql) for (const p of v.parts) add(parts, p);
    else parts.push(new Value(v));
    add(parts, strings[i + 1]!);
  }
  return new Sql(parts);
}

/** Fragments joined, e.g. the conditions of a WHERE or the columns of a SET. */
sql.join = (fragments: readonly Sql[], separator: string): Sql => {
  const parts: Part[] = [];
  fragments.forEach((f, i) => {
    if (i) add(parts, separator);
    for (const p of f.parts) add(parts, p);
  });
  return new Sql(parts);
};

/** `IN (${sql.list(ids)})`; an empty list matches nothing. */
sql.list = (values: readonly unknown[]): Sql =>
  new Sql(values.length ? values.flatMap((v, i) => (i ? [', ', new Value(v)] : [new Value(v)])) : ['NULL']);

/** Nothing, for an optional part. */
sql.empty = new Sql([]);

/** SQL written differently for each backend (for ./dialect only: domain code stays backend-neutral). */
sql.perBackend = (forms: Readonly<Record<Backend, Sql>>): Sql => new Sql([new PerBackend(forms)]);

const IDENTIFIERS = /^[A-Za-z_][A-Za-z0-9_.]*( (ASC|DESC))?(, [A-Za-z_][A-Za-z0-9_.]*( (ASC|DESC))?)*$/;

/**
 * Column names or an ORDER BY chosen in code from a fixed list (never from input): only names,
 * commas and ASC/DESC get through, so nothing a user typed can reach the SQL text.
 */
sql.identifiers = (text: string): Sql => {
  if (!IDENTIFIERS.test(text)) throw new Error(`Not a list of column names: ${text.slice(0, 40)}`);
  return new Sql([text]);
};

/** TypeORM's postgres driver answers an UPDATE or DELETE with [rows, rowCount] (a row is never an array). */
const isRowsAndCount = (r: unknown): r is [unknown[], number] =>
  Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number';

/** Every row the query returns, typed as the caller declares. */
export async function all<Row>(q: Q, s: Sql): Promise<Row[]> {
  const backend = backendOf(q);
  const { text, params } = render(s, backend);
  const result: unknown = await q.query(text, params);
  return (backend === 'postgres' && isRowsAndCount(result) ? result[0] : result) as Row[];
}

/** The first row, or undefined. */
export async function one<Row>(q: Q, s: Sql): Promise<Row | undefined> {
  const [row] = await all<Row>(q, s);
  return row;
}

/** A statement whose rows are not wanted (use RETURNING with `all` to learn what changed). */
export async function run(q: Q, s: Sql): Promise<void> {
  const { text, params } = render(s, backendOf(q));
  await q.query(text, params);
}
