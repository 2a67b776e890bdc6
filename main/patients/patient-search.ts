import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { parseUsDate } from '../../preload/schemas/dates';
import { normalizeMbi } from '../../preload/schemas/identifiers';
import { escapeLike } from '../common/like';
import type { PatientSearchResult } from '../../preload/schemas/patients';
import { PatientEntity, type PatientRow } from './patient.entity';
import { toSummary } from './patient-mapper';

type Query = { by: PatientSearchResult['matchedBy']; apply: (qb: SelectQueryBuilder<PatientRow>) => void };


/** Decides what the pharmacist typed: a date of birth, a phone number, an MBI, or a name. */
export function interpretQuery(raw: string): Query {
  const text = raw.trim();
  if (!text) return { by: 'all', apply: () => {} };

  const dob = parseUsDate(text);
  if (dob) return { by: 'dateOfBirth', apply: (qb) => qb.andWhere('p.date_of_birth = :dob', { dob }) };

  if (/^[\d\s().+-]+$/.test(text) && text.replace(/\D/g, '').length >= 4) {
    const digits = text.replace(/\D/g, '');
    return { by: 'phone', apply: (qb) => qb.andWhere(`p.phone LIKE :phone ESCAPE '\\'`, { phone: `%${escapeLike(digits)}%` }) };
  }

  const mbi = normalizeMbi(text);
  if (/^[1-9][A-Z0-9]{3,10}$/.test(mbi) && /[A-Z]/.test(mbi)) {
    return { by: 'mbi', apply: (qb) => qb.andWhere(`p.mbi LIKE :mbi ESCAPE '\\'`, { mbi: `${escapeLike(mbi)}%` }) };
  }

  // "Smith, Jo" is last-name-first; otherwise each word must begin a first, middle or last name.
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',').map((s) => s.trim());
    return {
      by: 'name',
      apply: (qb) => {
        if (last) qb.andWhere(`p.last_name LIKE :last ESCAPE '\\'`, { last: `${escapeLike(last)}%` });
        if (first) qb.andWhere(`p.first_name LIKE :first ESCAPE '\\'`, { first: `${escapeLike(first)}%` });
      },
    };
  }
  const words = text.split(/\s+/).slice(0, 4);
  return {
    by: 'name',
    apply: (qb) =>
      words.forEach((w, i) =>
        qb.andWhere(
          `(p.last_name LIKE :w${i} ESCAPE '\\' OR p.first_name LIKE :w${i} ESCAPE '\\' OR p.middle_name LIKE :w${i} ESCAPE '\\')`,
          { [`w${i}`]: `${escapeLike(w)}%` },
        ),
      ),
  };
}

export async function searchPatients(db: DataSource, query: string, limit: number): Promise<PatientSearchResult> {
  const q = interpretQuery(query);
  const qb = db.manager.createQueryBuilder(PatientEntity, 'p').where('p.deleted_at IS NULL');
  q.apply(qb);
  const rows = await qb
    .orderBy('p.last_name', 'ASC')
    .addOrderBy('p.first_name', 'ASC')
    .addOrderBy('p.date_of_birth', 'ASC')
    .limit(limit + 1)
    .getMany();
  return { patients: rows.slice(0, limit).map(toSummary), matchedBy: q.by, truncated: rows.length > limit };
}
