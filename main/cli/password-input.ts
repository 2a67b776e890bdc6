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

/** A failure the CLI reports as one line on stderr with exit code 1. */
export class CliError extends Error {}
