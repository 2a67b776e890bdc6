// The audit trail: one row per security-relevant event, append-only (triggers refuse UPDATE and
// DELETE) and hash-chained so that an edited or removed row is detected by verifyAuditChain.
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditOutcome } from '../../../preload/schemas/audit';

export interface AuditEvent {
  username: string;
  action: string;
  category: string;
  outcome: AuditOutcome;
  patientId?: string | null;
  objectId?: string | null;
  detail?: string | null;
  /** Defaults to now; set when flushing events recorded while the database was closed. */
  at?: string;
}

type Row = { id: number; at: string; username: string; action: string; category: string; patient_id: string | null; object_id: string | null; outcome: string; detail: string | null; prev_hash: string | null; hash: string };

/** The hashed content of a row: every field but the chain itself, in a fixed order. */
function content(r: Omit<Row, 'id' | 'prev_hash' | 'hash'>): string {
  return JSON.stringify([r.at, r.username, r.action, r.category, r.patient_id, r.object_id, r.outcome, r.detail]);
}

export const chainHash = (prevHash: string | null, rowContent: string) =>
  createHash('sha256').update((prevHash ?? '') + rowContent).digest('hex');

type Executor = Pick<EntityManager, 'query'>;

export async function appendAudit(db: Executor, e: AuditEvent): Promise<void> {
  const row = {
    at: e.at ?? new Date().toISOString(),
    username: e.username,
    action: e.action,
    category: e.category,
    patient_id: e.patientId ?? null,
    object_id: e.objectId ?? null,
    outcome: e.outcome,
    detail: e.detail ? e.detail.slice(0, 500) : null,
  };
  // One statement reads the previous hash and writes the new row, so no other write can slip between.
  await db.query(
    `INSERT INTO audit_log (at, username, action, category, patient_id, object_id, outcome, detail, prev_hash, hash)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, prev.h, mtm_sha256(coalesce(prev.h, '') || ?)
     FROM (SELECT (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h) AS prev`,
    [row.at, row.username, row.action, row.category, row.patient_id, row.object_id, row.outcome, row.detail, content(row)],
  );
}

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and names the first row that does not follow from the one before. */
export async function verifyAuditChain(db: DataSource): Promise<ChainReport> {
  const rows = (await db.query('SELECT * FROM audit_log ORDER BY id')) as Row[];
  let prev: Row | null = null;
  for (const r of rows) {
    const expectedId = prev ? prev.id + 1 : 1;
    if (r.id !== expectedId) return { ok: false, rows: rows.length, brokenAt: r.id, reason: `row ${expectedId}${r.id > expectedId + 1 ? `–${r.id - 1}` : ''} is missing` };
    if (r.prev_hash !== (prev?.hash ?? null)) return { ok: false, rows: rows.length, brokenAt: r.id, reason: 'its link to the previous row does not match (a row before it was changed or removed)' };
    if (r.hash !== chainHash(r.prev_hash, content(r))) return { ok: false, rows: rows.length, brokenAt: r.id, reason: 'its content was changed after it was written' };
    prev = r;
  }
  return { ok: true, rows: rows.length };
}

export function toAuditEntry(r: Row): AuditEntry {
  return { id: r.id, at: r.at, username: r.username, action: r.action, category: r.category, patientId: r.patient_id, objectId: r.object_id, outcome: r.outcome as AuditOutcome, detail: r.detail };
}
