// Sign-in throttling, kept on disk beside the keyring so that restarting the app does not reset it:
// after five wrong passwords for a username, and after twenty in ten minutes for the pharmacy, the
// next attempt must wait — 30 seconds, doubling with each further failure, at most 15 minutes. A
// waiting attempt is refused before any key derivation, so guessing speed falls with it.
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../common/atomic-file';
import { AppError } from '../common/errors';

export const FREE_FAILURES_PER_USER = 5;
export const FREE_FAILURES_GLOBAL = 20;
const GLOBAL_WINDOW_MS = 10 * 60_000;
const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;

interface State {
  users: Record<string, { failures: number; until: number }>;
  global: { times: number[]; until: number };
}

function read(file: string): State {
  try {
    if (existsSync(file)) {
      const s = JSON.parse(readFileSync(file, 'utf8')) as State;
      if (s && typeof s.users === 'object' && Array.isArray(s.global?.times)) return s;
    }
  } catch {
    // A damaged file throttles nothing more than a missing one; it is rewritten on the next failure.
  }
  return { users: {}, global: { times: [], until: 0 } };
}

const waitAfter = (failures: number, free: number) =>
  failures < free ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - free), MAX_WAIT_MS);

function minutes(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} seconds` : `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? '' : 's'}`;
}

/** Refuses, saying how long to wait, when this username (or the pharmacy) is waiting. */
export function assertMayTry(file: string, username: string, now = Date.now()): void {
  const s = read(file);
  const user = s.users[username.toLowerCase()];
  if (user && user.until > now)
    throw new AppError(
      'throttled',
      `Too many wrong passwords for ${username}. Wait ${minutes(user.until - now)} before trying again, or ask an administrator to reset the password.`,
    );
  if (s.global.until > now)
    throw new AppError(
      'throttled',
      `Too many wrong passwords on this computer. Sign-in is paused for ${minutes(s.global.until - now)}.`,
    );
}

export function recordFailure(file: string, username: string, now = Date.now()): void {
  const s = read(file);
  const key = username.toLowerCase();
  const failures = (s.users[key]?.failures ?? 0) + 1;
  s.users[key] = { failures, until: now + waitAfter(failures, FREE_FAILURES_PER_USER) };
  s.global.times = [...s.global.times.filter((t) => t > now - GLOBAL_WINDOW_MS), now];
  const wait = waitAfter(s.global.times.length, FREE_FAILURES_GLOBAL);
  if (wait) s.global.until = now + wait;
  writeFileAtomic(file, JSON.stringify(s));
}

export function recordSuccess(file: string, username: string): void {
  const s = read(file);
  if (!s.users[username.toLowerCase()]) return;
  delete s.users[username.toLowerCase()];
  writeFileAtomic(file, JSON.stringify(s));
}
