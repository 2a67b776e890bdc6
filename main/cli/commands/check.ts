import { parseArgs } from 'node:util';
import { databaseInfo, quickCheck } from '../../db/data-source';
import { connectionSecurity, describeConnectionSecurity } from '../../db/postgres-source';
import { countPatients } from '../../patients/patient-store';
import { one, sql } from '../../db/sql';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm check --data DIR --user USER [--json]';

/**
 * Opens the database as USER and reports schema and counts: on the encrypted file after SQLite's quick check over
 * the whole file; on a shared database with how the connection is protected (TLS, the server verified or not).
 */
export async function check(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } },
  });
  await withSignedIn(values, async (session) => {
    const { db } = session.current();
    const connection = await connectionSecurity(db);
    if (!connection) await quickCheck(db);
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
      backend: connection ? 'postgres' : 'sqlite',
      // The server keeps its own pages; SQLite's check of the file does not apply there, and the report says so.
      integrity: connection ? 'server' : 'ok',
      connection,
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
      console.log(
        connection ? 'Integrity: kept by the PostgreSQL server (the file check does not apply)' : 'Integrity: ok',
      );
      if (connection) console.log(describeConnectionSecurity(connection));
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
