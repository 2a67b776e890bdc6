// The SQL that differs between SQLite (the encrypted file) and PostgreSQL (the shared server, issue
// 21), in one place: everything else is written in the subset both understand. Each function returns
// a fragment for the `sql` tag, rendered for the backend the query runs on.
import { sql, type Sql } from './sql';

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
