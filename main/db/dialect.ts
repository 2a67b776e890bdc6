// The SQL that differs between SQLite (the encrypted file) and PostgreSQL (the shared server, issue
// 21), in one place: everything else is written in the subset both understand. Each function returns
// a fragment for the `sql` tag. Only SQLite is implemented so far.
import { sql, type Sql } from './sql';

/** An ISO date (YYYY-MM-DD text) `days` days after `date` (both fragments or values), as ISO text. */
export const addDays = (date: Sql, days: Sql): Sql => sql`date(${date}, '+' || (${days}) || ' days')`;

/** The distinct values of `expr` in a group, joined by commas. */
export const commaList = (expr: Sql): Sql => sql`group_concat(DISTINCT ${expr})`;

/** The elements of a JSON array given as one text parameter, as a one-column (`value`) table. */
export const jsonValues = (json: string): Sql => sql`(SELECT value FROM json_each(${json}))`;

/** The order rows were inserted in (SQLite's rowid; an identity column on PostgreSQL). */
export const insertionOrder = (alias?: string): Sql => sql.identifiers(alias ? `${alias}.rowid` : 'rowid');
