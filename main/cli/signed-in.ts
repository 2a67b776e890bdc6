import { signInRequest } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { Session } from '../security/session';
import { requireDataDir, requireOption } from './args';
import { CliError, readPassword } from './password-input';

/** Runs `work` signed in as --user on --data, turning app errors into one-line CLI errors. */
export async function withSignedIn<T>(
  values: Record<string, unknown>,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = new Session(requireDataDir(values));
  try {
    await session.signIn(
      signInRequest.parse({ username: requireOption(values, 'user'), password: await readPassword() }),
    );
    return await work(session);
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  } finally {
    await session.signOut();
  }
}
