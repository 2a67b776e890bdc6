// Failed sign-ins happen while the database is locked, so they cannot go into the audit table at
// once. They wait here (no patient data: time, username typed, action) and are moved into the
// hash-chained trail at the next successful unlock. A file deleted in between is not detectable.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { appendAudit, type AuditEvent } from './audit-log';

export function queueEvent(file: string, event: AuditEvent): void {
  appendFileSync(file, `${JSON.stringify({ ...event, at: event.at ?? new Date().toISOString() })}\n`, { mode: 0o600 });
}

export async function flushEvents(file: string, em: Pick<EntityManager, 'query'>): Promise<number> {
  if (!existsSync(file)) return 0;
  const events = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as AuditEvent];
      } catch {
        return [];
      }
    });
  for (const e of events) await appendAudit(em, { ...e, detail: e.detail ?? 'recorded while the database was locked' });
  rmSync(file);
  return events.length;
}
