import type { RecordCounts } from '../../../preload/schemas/settings';
import { one, sql, type Q, type Sql } from '../../db/sql';

/** The counts a restore must reproduce, from any connection to a pharmacy database. */
export async function recordCounts(q: Q): Promise<RecordCounts> {
  const count = async (table: Sql) => (await one<{ n: number }>(q, sql`SELECT count(*) AS n FROM ${table}`))!.n;
  return {
    users: await count(sql`users`),
    patients: await count(sql`patients`),
    allergies: await count(sql`patient_allergies`),
    auditEntries: await count(sql`audit_log`),
  };
}
