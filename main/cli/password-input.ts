import { createInterface } from 'node:readline';

/** The variable `envVar` (MTM_PASSWORD unless given) if set, else the first line of standard input (so scripts can pipe it in). */
export async function readPassword(envVar = 'MTM_PASSWORD'): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new CliError(`No password given: set ${envVar} or pipe the password on standard input.`);
}

/** The shared database's password: from the environment only, never the command line (other users can see that). */
export function databasePassword(): string {
  const password = process.env.MTM_DB_PASSWORD;
  if (!password) throw new CliError('Set MTM_DB_PASSWORD to the shared database password (it is then kept sealed).');
  return password;
}

/** A failure the CLI reports as one line on stderr with exit code 1. */
export class CliError extends Error {}
