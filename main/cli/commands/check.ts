import { parseArgs } from 'node:util';
import { signInRequest } from '../../../preload/schemas/security';
import { AppError } from '../../common/errors';
import { databaseInfo } from '../../db/data-source';
import { countPatients } from '../../patients/patient-store';
import { AllergyEntity } from '../../patients/patient.entity';
import { Session } from '../../security/session';
import { UserEntity } from '../../security/user.entity';
import { requireDataDir, requireOption } from '../args';
import { CliError, readPassword } from '../password-input';

export const usage = 'mtm check --data DIR --user USER [--json]';

/** Opens the database as USER (which runs the integrity check) and reports schema and counts. */
export async function check(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } } });
  const session = new Session(requireDataDir(values));
  try {
    const creds = signInRequest.parse({ username: requireOption(values, 'user'), password: await readPassword() });
    await session.signIn(creds);
    const { db } = session.current();
    const [info, patients, users, allergies] = await Promise.all([
      databaseInfo(db),
      countPatients(db.manager),
      db.manager.count(UserEntity),
      db.manager.count(AllergyEntity),
    ]);
    const report = { ok: true, integrity: 'ok', schemaVersion: info.schemaVersion, migrations: info.migrations, counts: { users, patients: patients.active, removedPatients: patients.removed, allergies } };
    if (values.json) console.log(JSON.stringify(report));
    else {
      console.log(`Integrity: ok`);
      console.log(`Schema: ${info.schemaVersion} (${info.migrations} migration${info.migrations === 1 ? '' : 's'})`);
      console.log(`Users: ${users}`);
      console.log(`Patients: ${patients.active} (${patients.removed} removed)`);
      console.log(`Allergies: ${allergies}`);
    }
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  } finally {
    await session.signOut();
  }
}
