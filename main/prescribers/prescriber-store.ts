import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Prescriber, PrescriberData } from '../../preload/schemas/prescribers';
import type { SignedInUser } from '../../preload/schemas/security';
import { toAddressColumns } from '../common/address-columns';
import { AppError, notFound } from '../common/errors';
import { escapeLike } from '../common/like';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Sql } from '../db/sql';
import { like } from '../db/dialect';

/** A row of the prescribers table, its way of contact narrowed to the ones there are. */
export type PrescriberRow = Omit<Row<'prescribers'>, 'preferred_contact'> & {
  preferred_contact: Prescriber['preferredContact'];
};

/** The columns a prescriber's form sets. */
function columns(p: PrescriberData) {
  const a = toAddressColumns(p.address);
  return {
    npi: p.npi,
    first_name: p.firstName,
    last_name: p.lastName,
    credentials: p.credentials ?? null,
    dea: p.dea ?? null,
    practice: p.practice ?? null,
    phone: p.phone ?? null,
    fax: p.fax ?? null,
    address_line1: a.addressLine1,
    address_line2: a.addressLine2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    preferred_contact: p.preferredContact,
  };
}

export function toPrescriber(r: PrescriberRow): Prescriber {
  return {
    id: r.id,
    version: r.version,
    npi: r.npi,
    firstName: r.first_name,
    lastName: r.last_name,
    credentials: r.credentials,
    dea: r.dea,
    practice: r.practice,
    phone: r.phone,
    fax: r.fax,
    address: { line1: r.address_line1, line2: r.address_line2, city: r.city, state: r.state, zip: r.zip },
    preferredContact: r.preferred_contact,
  };
}

async function load(db: DataSource, id: string): Promise<PrescriberRow> {
  const row = await one<PrescriberRow>(db, sql`SELECT * FROM prescribers WHERE id = ${id} LIMIT 1`);
  if (!row) throw notFound('This prescriber');
  return row;
}

/** One record per NPI: a second one would split a prescriber's recommendations and answers. */
async function assertNpiFree(db: DataSource, npi: string, exceptId?: string): Promise<void> {
  const other = await one<PrescriberRow>(db, sql`SELECT * FROM prescribers WHERE npi = ${npi} LIMIT 1`);
  if (other && other.id !== exceptId) {
    throw new AppError(
      'conflict',
      `NPI ${npi} already belongs to ${other.first_name} ${other.last_name}${other.credentials ? `, ${other.credentials}` : ''}.`,
      'npi',
      [{ field: 'npi', message: 'This NPI is already on file' }],
    );
  }
}

export const getPrescriber = async (db: DataSource, id: string) => toPrescriber(await load(db, id));

export async function createPrescriber(db: DataSource, user: SignedInUser, p: PrescriberData): Promise<Prescriber> {
  await assertNpiFree(db, p.npi);
  const now = new Date().toISOString();
  const row: PrescriberRow = {
    id: randomUUID(),
    version: 1,
    ...columns(p),
    created_at: now,
    created_by: user.username,
    updated_at: now,
    updated_by: user.username,
  };
  await run(
    db,
    sql`
    INSERT INTO prescribers (id, version, npi, first_name, last_name, credentials, dea, practice, phone, fax,
      address_line1, address_line2, city, state, zip, preferred_contact, created_at, created_by, updated_at, updated_by)
    VALUES (${row.id}, ${row.version}, ${row.npi}, ${row.first_name}, ${row.last_name}, ${row.credentials}, ${row.dea},
      ${row.practice}, ${row.phone}, ${row.fax}, ${row.address_line1}, ${row.address_line2}, ${row.city}, ${row.state},
      ${row.zip}, ${row.preferred_contact}, ${row.created_at}, ${row.created_by}, ${row.updated_at},
      ${row.updated_by})`,
  );
  return toPrescriber(row);
}

export async function updatePrescriber(
  db: DataSource,
  user: SignedInUser,
  id: string,
  version: number,
  p: PrescriberData,
): Promise<Prescriber> {
  const current = await load(db, id);
  await assertNpiFree(db, p.npi, id);
  const c = columns(p);
  const updated = await all<Pick<PrescriberRow, 'id'>>(
    db,
    sql`
    UPDATE prescribers SET npi = ${c.npi}, first_name = ${c.first_name}, last_name = ${c.last_name},
      credentials = ${c.credentials}, dea = ${c.dea}, practice = ${c.practice}, phone = ${c.phone}, fax = ${c.fax},
      address_line1 = ${c.address_line1}, address_line2 = ${c.address_line2}, city = ${c.city}, state = ${c.state},
      zip = ${c.zip}, preferred_contact = ${c.preferred_contact},
      version = ${version + 1}, updated_at = ${new Date().toISOString()}, updated_by = ${user.username}
    WHERE id = ${id} AND version = ${version}
    RETURNING id`,
  );
  if (!updated.length)
    throw new AppError(
      'conflict',
      `Someone else changed this prescriber (by ${current.updated_by}) after you opened it. Reload to see their changes, then make yours again.`,
    );
  return getPrescriber(db, id);
}

/** By name ("smi", "Smith, J"), NPI or its start, practice, or part of a phone or fax number. */
export async function searchPrescribers(
  db: DataSource,
  query: string,
  limit: number,
): Promise<{ prescribers: Prescriber[]; truncated: boolean }> {
  const text = query.trim();
  const where: Sql[] = [];
  if (/^\d{3,10}$/.test(text)) {
    const part = `%${text}%`;
    where.push(sql`(p.npi LIKE ${`${text}%`} OR p.phone LIKE ${part} OR p.fax LIKE ${part})`);
  } else if (text) {
    const [last = '', first = ''] = text.includes(',') ? text.split(',').map((s) => s.trim()) : [text, ''];
    const starts = (s: string) => `${escapeLike(s)}%`;
    const orFirst = first ? sql.empty : sql` OR ${like(sql`p.first_name`, starts(last))}`;
    const anywhere = `%${escapeLike(last)}%`;
    where.push(sql`(${like(sql`p.last_name`, starts(last))} OR ${like(sql`p.practice`, anywhere)}${orFirst})`);
    if (first) where.push(like(sql`p.first_name`, starts(first)));
  }
  const rows = await all<PrescriberRow>(
    db,
    sql`
    SELECT p.* FROM prescribers p
    ${where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty}
    ORDER BY p.last_name, p.first_name
    LIMIT ${limit + 1}`,
  );
  return { prescribers: rows.slice(0, limit).map(toPrescriber), truncated: rows.length > limit };
}
