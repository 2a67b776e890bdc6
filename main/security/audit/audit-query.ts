import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { AuditExport, AuditRow, AuditSearchResult, auditFilterSchema } from '../../../preload/schemas/audit';
import { escapeLike } from '../../common/like';
import { toAuditEntry } from './audit-log';
import { csvTable } from '../../../preload/csv';

type Filter = z.output<typeof auditFilterSchema>;

const SORT_SQL: Record<Filter['sort'], string> = {
  at: 'a.id',
  username: 'a.username',
  action: 'a.action',
  category: 'a.category',
  patient: 'patient_name',
  outcome: 'a.outcome',
  detail: 'a.detail',
};

function where(f: Filter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.from) clauses.push('a.at >= ?') && params.push(f.from);
  // `to` is a whole day: everything before the start of the next one.
  if (f.to) clauses.push(`a.at < strftime('%Y-%m-%d', ?, '+1 day')`) && params.push(f.to);
  if (f.username) clauses.push('a.username = ? COLLATE NOCASE') && params.push(f.username);
  if (f.action) clauses.push('a.action = ?') && params.push(f.action);
  if (f.patient) {
    const like = `${escapeLike(f.patient)}%`;
    clauses.push(`(a.patient_id = ? OR p.last_name LIKE ? ESCAPE '\\' OR p.first_name LIKE ? ESCAPE '\\')`);
    params.push(f.patient, like, like);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const SELECT = `SELECT a.*, CASE WHEN p.id IS NULL THEN NULL ELSE upper(p.last_name) || ', ' || p.first_name END AS patient_name
  FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id`;

async function rows(db: DataSource, f: Filter, limit: number, offset: number): Promise<AuditRow[]> {
  const w = where(f);
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const raw = (await db.query(`${SELECT} ${w.sql} ORDER BY ${SORT_SQL[f.sort]} ${dir}, a.id ${dir} LIMIT ? OFFSET ?`, [...w.params, limit, offset])) as (Parameters<typeof toAuditEntry>[0] & { patient_name: string | null })[];
  return raw.map((r) => ({ ...toAuditEntry(r), patientName: r.patient_name }));
}

export async function searchAudit(db: DataSource, f: Filter, limit: number, offset: number): Promise<AuditSearchResult> {
  const w = where(f);
  const [{ n }] = (await db.query(`SELECT count(*) AS n FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id ${w.sql}`, w.params)) as [{ n: number }];
  const actions = ((await db.query('SELECT DISTINCT action FROM audit_log ORDER BY action')) as { action: string }[]).map((r) => r.action);
  return { rows: await rows(db, f, limit, offset), total: n, actions };
}

const CSV_COLUMNS = ['Entry', 'Time (UTC)', 'User', 'Action', 'Data category', 'Patient', 'Patient id', 'Object id', 'Outcome', 'Detail'];

export async function exportAuditCsv(db: DataSource, f: Filter, now = new Date()): Promise<AuditExport> {
  const all = await rows(db, f, -1, 0);
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { filename: `mtm-audit-${stamp}.csv`, csv: csvTable(CSV_COLUMNS, all.map((r) => [r.id, r.at, r.username, r.action, r.category, r.patientName, r.patientId, r.objectId, r.outcome, r.detail])), rows: all.length };
}
