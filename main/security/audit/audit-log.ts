// The audit trail: one row per security-relevant event, append-only (triggers refuse UPDATE and
// DELETE) and hash-chained so that an edited or removed row is detected by verifyAuditChain.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditOutcome } from '../../../preload/schemas/audit';
import type { Row } from '../../db/rows';
import { all, one, run, sql, type Q, type Sql } from '../../db/sql';
import { LOCKS, sha256Hex, whileHolding } from '../../db/dialect';
import type { AuditDescription } from '../../../preload/channels/channel';
import { anchorAuthentic, type Keyring } from '../keyring';

/** A channel's description of the entry, with who, the outcome and (for a waiting event) when. */
export interface AuditEvent extends AuditDescription {
  username: string;
  outcome: AuditOutcome;
  /** Defaults to now; set when flushing events recorded while the database was closed. */
  at?: string;
}

type AuditLogRow = Omit<Row<'audit_log'>, 'outcome'> & { outcome: AuditOutcome };

/** The hashed content of a row: every field but the chain itself, in a fixed order. */
function content(r: Omit<AuditLogRow, 'id' | 'prev_hash' | 'hash'>): string {
  return JSON.stringify([r.at, r.username, r.action, r.category, r.patient_id, r.object_id, r.outcome, r.detail]);
}

export const chainHash = (prevHash: string | null, rowContent: string) =>
  createHash('sha256')
    .update((prevHash ?? '') + rowContent)
    .digest('hex');

/** The stored row of an event. */
function rowOf(e: AuditEvent) {
  return {
    at: e.at ?? new Date().toISOString(),
    username: e.username,
    action: e.action,
    category: e.category,
    patient_id: e.patientId ?? null,
    object_id: e.objectId ?? null,
    outcome: e.outcome,
    detail: e.detail ? e.detail.slice(0, 500) : null,
  };
}

// One statement reads the previous hash and writes the new row, so no other write can slip between
// (on a shared server, workstations also take turns: see appendAudit).
function insert(e: AuditEvent): Sql {
  const r = rowOf(e);
  return sql`
    INSERT INTO audit_log (at, username, action, category, patient_id, object_id, outcome, detail, prev_hash, hash)
    SELECT ${r.at}, ${r.username}, ${r.action}, ${r.category}, ${r.patient_id}, ${r.object_id}, ${r.outcome},
      ${r.detail}, prev.h, ${sha256Hex(sql`coalesce(prev.h, '') || ${content(r)}`)}
    FROM (SELECT (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h) AS prev`;
}

export async function appendAudit(db: Q, e: AuditEvent): Promise<void> {
  // Two workstations reading the same last row would fork the chain: the lock orders them.
  await whileHolding(db, LOCKS.auditChain, (q) => run(q, insert(e)));
}

/**
 * The same, on the raw connection inside a synchronous bulk transaction (an import and its audit row commit together).
 */
export function appendAuditRaw(
  raw: { prepare(sql: string): { run(...args: unknown[]): unknown } },
  e: AuditEvent,
): void {
  const s = insert(e);
  raw.prepare(s.text).run(...s.params);
}

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and names the first row that does not follow from the one before. */
export async function verifyAuditChain(db: Q): Promise<ChainReport> {
  const rows = await all<AuditLogRow>(db, sql`SELECT * FROM audit_log ORDER BY id`);
  let prev: AuditLogRow | null = null;
  for (const r of rows) {
    const expectedId = prev ? prev.id + 1 : 1;
    if (r.id !== expectedId)
      return {
        ok: false,
        rows: rows.length,
        brokenAt: r.id,
        reason: `row ${expectedId}${r.id > expectedId + 1 ? `–${r.id - 1}` : ''} is missing`,
      };
    if (r.prev_hash !== (prev?.hash ?? null))
      return {
        ok: false,
        rows: rows.length,
        brokenAt: r.id,
        reason: 'its link to the previous row does not match (a row before it was changed or removed)',
      };
    if (r.hash !== chainHash(r.prev_hash, content(r)))
      return { ok: false, rows: rows.length, brokenAt: r.id, reason: 'its content was changed after it was written' };
    prev = r;
  }
  return { ok: true, rows: rows.length };
}

export function toAuditEntry(r: AuditLogRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    username: r.username,
    action: r.action,
    category: r.category,
    patientId: r.patient_id,
    objectId: r.object_id,
    outcome: r.outcome,
    detail: r.detail,
  };
}

/**
 * Whether the trail is still the one the keyring's anchor saw: the anchor authentic (its MAC needs
 * the data key), the trail at least as long, and its row at the anchor's id unchanged. A crash can
 * leave the anchor behind the trail, never ahead of it; null when nothing is wrong.
 */
export async function anchorProblem(db: Q, dataKey: Buffer, keyring: Keyring): Promise<string | null> {
  const a = keyring.auditAnchor;
  if (!a)
    return keyring.version === 2 ? 'The keyring holds no audit anchor: it was removed from the keyring file.' : null;
  if (!anchorAuthentic(dataKey, keyring, a))
    return 'The audit anchor in the keyring was not written by MTM Desk (its authentication failed): the keyring file was edited.';
  const last = await one<Pick<AuditLogRow, 'id'>>(db, sql`SELECT id FROM audit_log ORDER BY id DESC LIMIT 1`);
  if ((last?.id ?? 0) < a.lastId)
    return `The audit trail ends at entry ${last?.id ?? 0} but had reached entry ${a.lastId}: entries were removed from its end.`;
  const row = await one<Pick<AuditLogRow, 'hash'>>(db, sql`SELECT hash FROM audit_log WHERE id = ${a.lastId}`);
  if (row?.hash !== a.hash)
    return `Audit entry ${a.lastId} is not the one the keyring's anchor recorded: the trail was rewritten.`;
  return null;
}

/** Trail entries that raise an integrity alarm; they stay raised until an administrator acknowledges them. */
const ALARMS = ['audit.anchorMismatch', 'audit.pendingRejected'];
export const ALARMS_ACKNOWLEDGED = 'audit.alarmsAcknowledged';

/**
 * The alarms recorded since the last acknowledgment, in words — so an alarm found at a technician's
 * sign-in, or before the trail was re-anchored at sign-out, still reaches an administrator. Null when none.
 */
export async function openAlarms(db: Q): Promise<string | null> {
  const rows = await all<Pick<AuditLogRow, 'id' | 'at' | 'detail'>>(
    db,
    sql`
    SELECT id, at, detail FROM audit_log
    WHERE action IN (${sql.list(ALARMS)})
      AND id > coalesce((SELECT max(id) FROM audit_log WHERE action = ${ALARMS_ACKNOWLEDGED}), 0)
    ORDER BY id`,
  );
  if (!rows.length) return null;
  const shown = rows.slice(0, 3).map((r) => `Entry ${r.id} (${r.at.slice(0, 10)}): ${r.detail ?? ''}`);
  if (rows.length > 3) shown.push(`… and ${rows.length - 3} more (search the audit trail for "audit.").`);
  return shown.join('\n');
}
