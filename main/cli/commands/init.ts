import { parseArgs } from 'node:util';
import { pharmacyDraftSchema, newAccountSchema } from '../../../preload/schemas/security';
import { AppError } from '../../common/errors';
import { Session } from '../../security/session';
import { requireDataDir, requireOption } from '../args';
import { CliError, readPassword } from '../password-input';

export const usage =
  'mtm init --data DIR --pharmacy NAME --user USER [--full-name NAME] [--ncpdp ID] [--npi NPI] [--phone PHONE]';

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
    },
  });
  const dataDir = requireDataDir(values);
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

  const session = new Session(dataDir);
  try {
    const { recoveryCode } = await session.setup({ pharmacy: pharmacy.data, account: account.data });
    console.log(`Created the pharmacy "${pharmacy.data.name}" in ${dataDir} with pharmacist ${account.data.username}.`);
    console.log('Recovery code (shown only now; print it and keep it locked away):');
    console.log(recoveryCode);
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  } finally {
    await session.signOut();
  }
}
