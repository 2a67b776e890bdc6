// How fresh a record is, without reading it: what an open screen asks every few seconds to learn whether another
// workstation saved it (the record itself, with its audit row, is read only when it did).
import type { RecordVersion } from '../../preload/schemas/fields';
import { notFound } from '../common/errors';
import { one, sql, type Q, type Sql } from './sql';

const QUERIES = {
  patient: (id: string) =>
    sql`SELECT version, updated_at, updated_by FROM patients WHERE id = ${id} AND deleted_at IS NULL`,
  review: (id: string) => sql`SELECT version, updated_at, updated_by FROM reviews WHERE id = ${id}`,
} satisfies Record<string, (id: string) => Sql>;

export async function recordVersion(q: Q, kind: keyof typeof QUERIES, id: string): Promise<RecordVersion> {
  const row = await one<{ version: number; updated_at: string; updated_by: string }>(q, QUERIES[kind](id));
  if (!row) throw notFound(kind === 'patient' ? 'This patient' : 'This review');
  return { version: Number(row.version), updatedAt: row.updated_at, updatedBy: row.updated_by };
}
