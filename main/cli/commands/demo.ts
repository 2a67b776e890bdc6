import { parseArgs } from 'node:util';
import { newAccountSchema } from '../../../preload/schemas/security';
import { AppError } from '../../common/errors';
import { createDemoPharmacy } from '../../demo/create-demo';
import { Session } from '../../security/session';
import { requireDataDir, requireOption } from '../args';
import { CliError, readPassword } from '../password-input';

export const usage = 'mtm demo --data EMPTY_DIR --user USER --patients N [--seed S]';

/** A new encrypted pharmacy full of clearly fictional data, the same for the same seed. */
export async function demoCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      user: { type: 'string' },
      patients: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const patients = Number(requireOption(values, 'patients'));
  if (!Number.isInteger(patients) || patients < 10 || patients > 100_000)
    throw new CliError('--patients must be a whole number from 10 to 100000.');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number.');
  const username = requireOption(values, 'user');
  const account = newAccountSchema.safeParse({
    username,
    fullName: 'Demo Pharmacist, PharmD',
    password: await readPassword(),
  });
  if (!account.success)
    throw new CliError(account.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const dataDir = requireDataDir(values);
  const session = new Session(dataDir);
  const started = performance.now();
  try {
    const r = await createDemoPharmacy(session, account.data, { patients, seed });
    console.log(
      `Created a demo pharmacy in ${dataDir} (${((performance.now() - started) / 1000).toFixed(1)} s): ${r.demo.patients} fictional patients, ${r.demo.prescribers} prescribers, ${r.demo.fills} fills, ${r.demo.reviews} reviews, ${r.demo.claims} claims (seed ${seed}).`,
    );
    console.log('Recovery code (shown only now):');
    console.log(r.recoveryCode);
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  } finally {
    await session.signOut();
  }
}
