// Failed sign-ins and recovery-code attempts happen while the database is closed, so they cannot go
// into the audit table at once. They wait here and move into the hash-chained trail at the next
// unlock — only those two kinds, no patient, each line authenticated: every run of the app seals
// a MAC key to the keyring's pending public key (the header line) and signs each line with it;
// the reader recovers the key with the private half, which only the data key opens. A line that
// fails its MAC, or holds anything else, is recorded as rejected, never copied in.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Q } from '../../db/sql';
import { appendAudit } from './audit-log';
import { pendingPrivateKey, pendingReaderKey, pendingWriterKey, type Keyring } from '../keyring';

/** What may be recorded while the database is closed. */
export interface PendingEvent {
  username: string;
  action: 'security.signIn' | 'security.breakGlass';
  detail: string;
}
const ALLOWED = new Set(['security.signIn', 'security.breakGlass']);
const MAX_USERNAME = 64;

type Line = { at: string; username: string; action: string; outcome: 'failure'; detail: string };
const canonical = (l: Line) => JSON.stringify([l.at, l.username, l.action, l.outcome, l.detail]);
const mac = (key: Buffer, l: Line) => createHmac('sha256', key).update(canonical(l)).digest('hex');

// This run's writer per pending file and keyring generation: its MAC key never leaves memory.
const writers = new Map<string, { ephemeral: string; macKey: Buffer }>();

export function queueEvent(file: string, keyring: Keyring, event: PendingEvent): void {
  const id = `${file}|${keyring.keyId ?? keyring.databaseId}`;
  let writer = writers.get(id);
  const line: Line = {
    at: new Date().toISOString(),
    username: event.username.slice(0, MAX_USERNAME),
    action: event.action,
    outcome: 'failure',
    detail: event.detail,
  };
  if (!writer || !existsSync(file)) {
    const made = pendingWriterKey(keyring);
    if (!made) {
      // A keyring of the first format has no pending key yet: the line is kept, marked unauthenticated.
      appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      return;
    }
    writers.set(id, (writer = made));
    appendFileSync(file, `${JSON.stringify({ type: 'header', ephemeral: writer.ephemeral, startedAt: line.at })}\n`, {
      mode: 0o600,
    });
  }
  appendFileSync(file, `${JSON.stringify({ ...line, mac: mac(writer.macKey, line) })}\n`, { mode: 0o600 });
}

const OUT_OF_POLICY = 'not an event that may be recorded while the database is closed';

/**
 * Why a line is not copied into the trail; null when it may be. `key` null: a first-format keyring, whose lines carry
 * no MAC.
 */
function problemOf(
  raw: Record<string, unknown>,
  key: Buffer | null | 'legacy',
  startedAt: string | null,
  now: string,
): string | null {
  const fields = key === 'legacy' ? 'action,at,detail,outcome,username' : 'action,at,detail,mac,outcome,username';
  if (Object.keys(raw).sort().join(',') !== fields) return OUT_OF_POLICY;
  const l = raw as Line & { mac: string };
  if (
    !ALLOWED.has(l.action) ||
    l.outcome !== 'failure' ||
    typeof l.username !== 'string' ||
    l.username.length > MAX_USERNAME ||
    typeof l.detail !== 'string'
  )
    return OUT_OF_POLICY;
  if (key !== 'legacy') {
    if (!key || typeof l.mac !== 'string') return 'not authenticated';
    const expected = Buffer.from(mac(key, l), 'hex');
    const given = Buffer.from(l.mac, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return 'not authenticated (changed or forged)';
  }
  if (
    typeof l.at !== 'string' ||
    Number.isNaN(Date.parse(l.at)) ||
    l.at > now ||
    (startedAt !== null && l.at < startedAt)
  )
    return 'its time is not possible';
  return null;
}

/** Moves the waiting events into the trail (inside the caller's transaction); names each line refused. */
export async function flushEvents(
  file: string,
  keyring: Keyring,
  dataKey: Buffer,
  em: Q,
): Promise<{ recorded: number; rejected: number }> {
  if (!existsSync(file)) return { recorded: 0, rejected: 0 };
  const privateKey = pendingPrivateKey(keyring, dataKey);
  const now = new Date(Date.now() + 60_000).toISOString();
  let key: Buffer | null = null;
  let startedAt: string | null = null;
  let recorded = 0;
  let rejected = 0;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [i, text] of lines.entries()) {
    if (!text) continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      raw = {};
    }
    if (raw.type === 'header' && typeof raw.ephemeral === 'string' && privateKey) {
      key = pendingReaderKey(privateKey, raw.ephemeral);
      startedAt = typeof raw.startedAt === 'string' ? raw.startedAt : null;
      continue;
    }
    // A keyring without a pending key (first format) cannot authenticate; its lines are taken, said as such.
    const legacy = !keyring.pending;
    const problem = problemOf(raw, legacy ? 'legacy' : key, startedAt, now);
    if (problem) {
      rejected++;
      await appendAudit(em, {
        username: 'system',
        action: 'audit.pendingRejected',
        category: 'security',
        outcome: 'failure',
        detail: `audit-pending.jsonl line ${i + 1} refused: ${problem}`,
      });
      continue;
    }
    const l = raw as Line;
    await appendAudit(em, {
      username: l.username,
      action: l.action,
      category: 'security',
      outcome: 'failure',
      at: l.at,
      detail: `${l.detail}${legacy ? ' (recorded while the database was closed; unauthenticated, keyring of the first format)' : ' (recorded while the database was closed)'}`,
    });
    recorded++;
  }
  rmSync(file);
  return { recorded, rejected };
}
