// What an unexpected failure leaves in the log: where, a reference the screen quotes, the error's
// name and the first line of its message — never the error object, whose SQL parameters, request
// or stack can carry a patient's name, date of birth or notes.
import { randomBytes } from 'node:crypto';

const MAX_MESSAGE = 200;

/** One line about an error with nothing but its class name and message (first line, shortened). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error))
    return typeof err === 'string' ? 'Error (a string was thrown)' : `Error (${typeof err} thrown)`;
  // Quoted text in a message is often the input itself (JSON.parse quotes what it could not read).
  const message = (err.message.split('\n')[0] ?? '')
    .replace(/"[^"]*"|'[^']{2,}'|`[^`]*`/g, '"…"')
    .slice(0, MAX_MESSAGE);
  return `${err.name}: ${message}`;
}

/** Logs an unexpected failure and returns the reference to show the user. */
export function logFailure(context: string, err: unknown): string {
  const ref = randomBytes(4).toString('hex').toUpperCase();
  console.error(`[mtm] ${context} failed (ref ${ref}): ${describeError(err)}`);
  return ref;
}
