import type { RecordCounts } from '../../../preload/schemas/settings';

type Count = (sql: string) => Promise<number>;

/** The counts a restore must reproduce, from any connection to a pharmacy database. */
export async function recordCounts(count: Count): Promise<RecordCounts> {
  return {
    users: await count('SELECT count(*) AS n FROM users'),
    patients: await count('SELECT count(*) AS n FROM patients'),
    allergies: await count('SELECT count(*) AS n FROM patient_allergies'),
    auditEntries: await count('SELECT count(*) AS n FROM audit_log'),
  };
}
