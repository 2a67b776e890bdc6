import type { DataSource } from 'typeorm';
import { parseUsDate } from '../../preload/schemas/dates';
import { normalizeMbi } from '../../preload/schemas/identifiers';
import { escapeLike } from '../common/like';
import type { PatientSearchResult } from '../../preload/schemas/patients';
import { all, sql, type Sql } from '../db/sql';
import { toSummary, type PatientRow } from './patient-mapper';
import { like } from '../db/dialect';

/** How the text was read, and the conditions (ANDed) it puts on living patients. */
type Query = { by: PatientSearchResult['matchedBy']; where: Sql[] };

/** Decides what the pharmacist typed: a date of birth, a phone number, an MBI, or a name. */
export function interpretQuery(raw: string): Query {
  const text = raw.trim();
  if (!text) return { by: 'all', where: [] };

  const dob = parseUsDate(text);
  if (dob) return { by: 'dateOfBirth', where: [sql`p.date_of_birth = ${dob}`] };

  if (/^[\d\s().+-]+$/.test(text) && text.replace(/\D/g, '').length >= 4) {
    const digits = text.replace(/\D/g, '');
    return { by: 'phone', where: [like(sql`p.phone`, `%${escapeLike(digits)}%`)] };
  }

  const mbi = normalizeMbi(text);
  if (/^[1-9][A-Z0-9]{3,10}$/.test(mbi) && /[A-Z]/.test(mbi)) {
    return { by: 'mbi', where: [like(sql`p.mbi`, `${escapeLike(mbi)}%`)] };
  }

  // "Smith, Jo" is last-name-first; otherwise each word must begin a first, middle or last name.
  // LIKE 'x%' uses the name index because the columns (and idx_patients_name) are NOCASE.
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',').map((s) => s.trim());
    const where: Sql[] = [];
    if (last) where.push(like(sql`p.last_name`, `${escapeLike(last)}%`));
    if (first) where.push(like(sql`p.first_name`, `${escapeLike(first)}%`));
    return { by: 'name', where };
  }
  const words = text.split(/\s+/).slice(0, 4);
  return {
    by: 'name',
    where: words.map((w) => {
      const prefix = `${escapeLike(w)}%`;
      return sql`(${like(sql`p.last_name`, prefix)} OR ${like(sql`p.first_name`, prefix)}
        OR ${like(sql`p.middle_name`, prefix)})`;
    }),
  };
}

export async function searchPatients(db: DataSource, query: string, limit: number): Promise<PatientSearchResult> {
  const q = interpretQuery(query);
  const rows = await all<PatientRow>(
    db,
    sql`
    SELECT p.* FROM patients p
    WHERE ${sql.join([sql`p.deleted_at IS NULL`, ...q.where], ' AND ')}
    ORDER BY p.last_name ASC, p.first_name ASC, p.date_of_birth ASC
    LIMIT ${limit + 1}`,
  );
  return { patients: rows.slice(0, limit).map(toSummary), matchedBy: q.by, truncated: rows.length > limit };
}
