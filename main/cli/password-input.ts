import { createInterface } from 'node:readline';

/** MTM_PASSWORD if set, else the first line of standard input (so scripts can pipe it in). */
export async function readPassword(): Promise<string> {
  if (process.env.MTM_PASSWORD) return process.env.MTM_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new CliError('No password given: set MTM_PASSWORD or pipe the password on standard input.');
}

/** A failure the CLI reports as one line on stderr with exit code 1. */
export class CliError extends Error {}
