import { parseArgs } from 'node:util';
import { databaseInfo, quickCheck } from '../../db/data-source';
import { countPatients } from '../../patients/patient-store';
import { one, sql } from '../../db/sql';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm check --data DIR --user USER [--json]';

/** Opens the database as USER, runs SQLite's quick check over the whole file, and reports schema and counts. */
export async function check(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } },
  });
  await withSignedIn(values, async (session) => {
    const { db } = session.current();
    await quickCheck(db);
    const count = async (table: string) =>
      (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifiers(table)}`))!.n;
    const [info, patients, users, allergies, medications, fills, auditEntries] = await Promise.all([
      databaseInfo(db),
      countPatients(db),
      count('users'),
      count('patient_allergies'),
      count('patient_medications'),
      count('fills'),
      count('audit_log'),
    ]);
    const report = {
      ok: true,
      integrity: 'ok',
      schemaVersion: info.schemaVersion,
      migrations: info.migrations,
      counts: {
        users,
        patients: patients.active,
        removedPatients: patients.removed,
        allergies,
        medications,
        fills,
        auditEntries,
      },
    };
    if (values.json) console.log(JSON.stringify(report));
    else {
      console.log(`Integrity: ok`);
      console.log(`Schema: ${info.schemaVersion} (${info.migrations} migration${info.migrations === 1 ? '' : 's'})`);
      console.log(`Users: ${users}`);
      console.log(`Patients: ${patients.active} (${patients.removed} removed)`);
      console.log(`Allergies: ${allergies}`);
      console.log(`Medications: ${medications}`);
      console.log(`Fills: ${fills}`);
      console.log(`Audit entries: ${auditEntries}`);
    }
  });
}
