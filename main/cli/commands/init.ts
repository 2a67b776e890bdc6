import { parseArgs } from 'node:util';
import { pharmacyDraftSchema, newAccountSchema } from '../../../preload/schemas/security';
import { AppError } from '../../common/errors';
import { Session } from '../../security/session';
import { requireDataDir, requireOption } from '../args';
import { CliError, databasePassword, readPassword } from '../password-input';

export const usage =
  'mtm init --data DIR [--shared postgres://USER@SERVER:PORT/DB --ca FILE] --pharmacy NAME --user USER [--full-name NAME] [--ncpdp ID] [--npi NPI] [--phone PHONE]';

export async function init(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      pharmacy: { type: 'string' },
      user: { type: 'string' },
      'full-name': { type: 'string' },
      ncpdp: { type: 'string' },
      npi: { type: 'string' },
      phone: { type: 'string' },
      shared: { type: 'string' },
      ca: { type: 'string' },
    },
  });
  const dataDir = requireDataDir(values);
  const session = new Session(dataDir);
  if (values.shared) {
    // This workstation joins the shared database; the pharmacy is set up in it only if none is there yet.
    const status = await session
      .connectShared({ url: values.shared, ca: requireOption(values, 'ca'), password: databasePassword() })
      .catch(asCliError);
    const where = `the shared database ${status.shared!.database} on ${status.shared!.server}`;
    if (status.initialized) {
      console.log(`Connected ${dataDir} to ${where}, which already holds the pharmacy: sign in with your own account.`);
      return;
    }
    console.log(`Connected ${dataDir} to ${where}; setting up the pharmacy in it.`);
  }
  const pharmacy = pharmacyDraftSchema.safeParse({
    name: requireOption(values, 'pharmacy'),
    ncpdpId: values.ncpdp,
    npi: values.npi,
    phone: values.phone,
  });
  if (!pharmacy.success)
    throw new CliError(pharmacy.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const username = requireOption(values, 'user');
  const account = newAccountSchema.safeParse({
    username,
    fullName: values['full-name'] ?? username,
    password: await readPassword(),
  });
  if (!account.success)
    throw new CliError(account.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  try {
    const { recoveryCode } = await session.setup({ pharmacy: pharmacy.data, account: account.data });
    console.log(`Created the pharmacy "${pharmacy.data.name}" in ${dataDir} with pharmacist ${account.data.username}.`);
    console.log('Recovery code (shown only now; print it and keep it locked away):');
    console.log(recoveryCode);
  } catch (err) {
    asCliError(err);
  } finally {
    await session.signOut();
  }
}

function asCliError(err: unknown): never {
  if (err instanceof AppError) throw new CliError(err.message);
  throw err;
}
