import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreRequest } from '../../../preload/schemas/settings';
import { AppError } from '../../common/errors';
import { restoreBackup } from '../../security/backup/backups';
import { requireDataDir, requireOption } from '../args';
import { CliError, readPassword } from '../password-input';

export const usage = 'mtm restore --data EMPTY_DIR --from FILE (--user USER | --recovery)';

/** Restores into an empty data folder; the secret (password or recovery code) comes from MTM_PASSWORD or stdin. */
export async function restore(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      from: { type: 'string' },
      user: { type: 'string' },
      recovery: { type: 'boolean' },
    },
  });
  const dataDir = requireDataDir(values);
  const file = resolve(requireOption(values, 'from'));
  if (!values.recovery) requireOption(values, 'user');
  const secret = await readPassword();
  const req = restoreRequest.parse(
    values.recovery ? { file, recoveryCode: secret } : { file, username: values.user, password: secret },
  );
  try {
    const report = await restoreBackup(req, dataDir);
    console.log(
      `Restored into ${dataDir} the backup taken ${report.createdAt}: integrity ok; ${report.counts.patients} patients, ${report.counts.users} users, ${report.counts.auditEntries} audit entries.`,
    );
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}
