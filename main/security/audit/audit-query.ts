import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { AuditExport, AuditRow, AuditSearchResult, auditFilterSchema } from '../../../preload/schemas/audit';
import { escapeLike } from '../../common/like';
import { addDays, like } from '../../db/dialect';
import { all, one, sql, type Sql } from '../../db/sql';
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

function where(f: Filter): Sql {
  const clauses: Sql[] = [];
  if (f.from) clauses.push(sql`a.at >= ${f.from}`);
  // `to` is a whole day: everything before the start of the next one.
  if (f.to) clauses.push(sql`a.at < ${addDays(sql`${f.to}`, sql`1`)}`);
  // dialect: COLLATE NOCASE, so a username matches whatever its case (as usernames do at sign-in).
  if (f.username) clauses.push(sql`a.username = ${f.username} COLLATE NOCASE`);
  if (f.action) clauses.push(sql`a.action = ${f.action}`);
  if (f.patient) {
    const prefix = `${escapeLike(f.patient)}%`;
    clauses.push(
      sql`(a.patient_id = ${f.patient} OR ${like(sql`p.last_name`, prefix)} OR ${like(sql`p.first_name`, prefix)})`,
    );
  }
  return clauses.length ? sql`WHERE ${sql.join(clauses, ' AND ')}` : sql.empty;
}

const SELECT = sql`
  SELECT a.*, CASE WHEN p.id IS NULL THEN NULL ELSE upper(p.last_name) || ', ' || p.first_name END AS patient_name
  FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id`;

/** `limit` null: every row (the CSV export). */
async function rows(db: DataSource, f: Filter, limit: number | null, offset: number): Promise<AuditRow[]> {
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const order = sql.identifiers(`${SORT_SQL[f.sort]} ${dir}, a.id ${dir}`);
  const raw = await all<Parameters<typeof toAuditEntry>[0] & { patient_name: string | null }>(
    db,
    sql`
    ${SELECT} ${where(f)} ORDER BY ${order} ${limit === null ? sql.empty : sql`LIMIT ${limit} OFFSET ${offset}`}`,
  );
  return raw.map((r) => ({ ...toAuditEntry(r), patientName: r.patient_name }));
}

export async function searchAudit(
  db: DataSource,
  f: Filter,
  limit: number,
  offset: number,
): Promise<AuditSearchResult> {
  const { n } = (await one<{ n: number }>(
    db,
    sql`
    SELECT count(*) AS n FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id ${where(f)}`,
  ))!;
  const actions = (await all<{ action: string }>(db, sql`SELECT DISTINCT action FROM audit_log ORDER BY action`)).map(
    (r) => r.action,
  );
  return { rows: await rows(db, f, limit, offset), total: n, actions };
}

const CSV_COLUMNS = [
  'Entry',
  'Time (UTC)',
  'User',
  'Action',
  'Data category',
  'Patient',
  'Patient id',
  'Object id',
  'Outcome',
  'Detail',
];

export async function exportAuditCsv(db: DataSource, f: Filter, now = new Date()): Promise<AuditExport> {
  const all = await rows(db, f, null, 0);
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return {
    filename: `mtm-audit-${stamp}.csv`,
    csv: csvTable(
      CSV_COLUMNS,
      all.map((r) => [
        r.id,
        r.at,
        r.username,
        r.action,
        r.category,
        r.patientName,
        r.patientId,
        r.objectId,
        r.outcome,
        r.detail,
      ]),
    ),
    rows: all.length,
  };
}
