import { parseArgs } from 'node:util';
import { CliError } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm rekey --data DIR --user ADMIN [--reason TEXT]   (close MTM Desk first)';

/**
 * Re-encrypts the database under a new data key and issues a new recovery code: after it, an old
 * keyring file or backup with an old password no longer opens today's data.
 */
export async function rekey(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, user: { type: 'string' }, reason: { type: 'string' } },
  });
  const result = await withSignedIn(values, async (session) => {
    if (!session.current().user.isAdmin) throw new CliError('Only an administrator can replace the data key.');
    return session.rekey(`${values.reason?.trim() || 'requested'} (mtm rekey)`, {});
  });
  console.log('The data key was replaced; every user signs in with their own password as before.');
  if (result.dropped.length)
    console.log(
      `These users need a new temporary password (their key slots were of the first format): ${result.dropped.join(', ')}.`,
    );
  console.log(
    `New recovery code (the old one no longer works; print it and keep it locked away):\n  ${result.recoveryCode}`,
  );
}
