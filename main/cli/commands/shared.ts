// `mtm shared prepare`: the IT person's step before any workstation connects to a shared database, and again
// after each upgrade of MTM Desk (the app's own role may not change the schema). Run with the database owner's
// account; no password goes on the command line, where other users of the computer could see it.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../common/errors';
import { prepareSharedDatabase } from '../../db/postgres-roles';
import { checkedCa } from '../../security/shared-database/shared-config';
import { requireOption } from '../args';
import { CliError, readPassword } from '../password-input';

export const usage =
  "mtm shared prepare --owner postgres://OWNER@SERVER:PORT/DB --app-role NAME --ca FILE   (the owner's password from PGPASSWORD or ~/.pgpass; the app role's from MTM_DB_PASSWORD or standard input)";

export async function sharedCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'prepare') throw new CliError(`Unknown or missing subcommand. Usage: ${usage}`);
  const { values } = parseArgs({
    args: rest,
    options: { owner: { type: 'string' }, 'app-role': { type: 'string' }, ca: { type: 'string' } },
  });
  let owner: URL;
  try {
    owner = new URL(requireOption(values, 'owner'));
  } catch {
    throw new CliError("Give --owner as postgres://OWNER@SERVER:PORT/DB (the database owner's account).");
  }
  if (owner.password)
    throw new CliError(
      "Leave the password out of --owner: set PGPASSWORD or put it in ~/.pgpass (the owner's account).",
    );
  const caFile = requireOption(values, 'ca');
  let pem: string;
  try {
    pem = readFileSync(caFile, 'utf8');
  } catch {
    throw new CliError(`Cannot read the CA certificate ${caFile}.`);
  }
  try {
    const ca = checkedCa(pem);
    const appRole = requireOption(values, 'app-role');
    const appPassword = await readPassword('MTM_DB_PASSWORD');
    const done = await prepareSharedDatabase(owner.toString(), { appRole, appPassword }, { ca });
    const app = new URL(owner);
    app.username = appRole;
    app.search = '';
    console.log(
      `Prepared ${done.database}: migrated, and the role ${appRole} ${done.created ? 'created' : 'updated (new password)'} with the app's privileges on ${done.tables} tables.`,
    );
    console.log(
      `Workstations connect with ${app.toString()}?sslmode=verify-full, that password and the same CA certificate.`,
    );
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}
