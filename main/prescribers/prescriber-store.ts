import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Prescriber, PrescriberData } from '../../preload/schemas/prescribers';
import type { SignedInUser } from '../../preload/schemas/security';
import { fromAddressColumns, toAddressColumns } from '../common/address-columns';
import { AppError, notFound } from '../common/errors';
import { escapeLike } from '../common/like';
import { PrescriberEntity, type PrescriberRow } from './prescriber.entity';

function columns(p: PrescriberData) {
  return {
    npi: p.npi,
    firstName: p.firstName,
    lastName: p.lastName,
    credentials: p.credentials ?? null,
    dea: p.dea ?? null,
    practice: p.practice ?? null,
    phone: p.phone ?? null,
    fax: p.fax ?? null,
    ...toAddressColumns(p.address),
    preferredContact: p.preferredContact,
  };
}

export function toPrescriber(r: PrescriberRow): Prescriber {
  return {
    id: r.id,
    version: r.version,
    npi: r.npi,
    firstName: r.firstName,
    lastName: r.lastName,
    credentials: r.credentials,
    dea: r.dea,
    practice: r.practice,
    phone: r.phone,
    fax: r.fax,
    address: fromAddressColumns(r),
    preferredContact: r.preferredContact,
  };
}

async function load(db: DataSource, id: string): Promise<PrescriberRow> {
  const row = await db.manager.findOne(PrescriberEntity, { where: { id } });
  if (!row) throw notFound('This prescriber');
  return row;
}

/** One record per NPI: a second one would split a prescriber's recommendations and answers. */
async function assertNpiFree(db: DataSource, npi: string, exceptId?: string): Promise<void> {
  const other = await db.manager.findOne(PrescriberEntity, { where: { npi } });
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', `NPI ${npi} already belongs to ${other.firstName} ${other.lastName}${other.credentials ? `, ${other.credentials}` : ''}.`, 'npi', [
      { field: 'npi', message: 'This NPI is already on file' },
    ]);
  }
}

export const getPrescriber = async (db: DataSource, id: string) => toPrescriber(await load(db, id));

export async function createPrescriber(db: DataSource, user: SignedInUser, p: PrescriberData): Promise<Prescriber> {
  await assertNpiFree(db, p.npi);
  const now = new Date().toISOString();
  const row: PrescriberRow = { id: randomUUID(), version: 1, ...columns(p), createdAt: now, createdBy: user.username, updatedAt: now, updatedBy: user.username };
  await db.manager.insert(PrescriberEntity, row);
  return toPrescriber(row);
}

export async function updatePrescriber(db: DataSource, user: SignedInUser, id: string, version: number, p: PrescriberData): Promise<Prescriber> {
  const current = await load(db, id);
  await assertNpiFree(db, p.npi, id);
  const result = await db.manager.update(PrescriberEntity, { id, version }, { ...columns(p), version: version + 1, updatedAt: new Date().toISOString(), updatedBy: user.username });
  if (!result.affected) throw new AppError('conflict', `Someone else changed this prescriber (by ${current.updatedBy}) after you opened it. Reload to see their changes, then make yours again.`);
  return getPrescriber(db, id);
}

/** By name ("smi", "Smith, J"), NPI or its start, practice, or part of a phone or fax number. */
export async function searchPrescribers(db: DataSource, query: string, limit: number): Promise<{ prescribers: Prescriber[]; truncated: boolean }> {
  const qb = db.manager.createQueryBuilder(PrescriberEntity, 'p');
  const text = query.trim();
  if (/^\d{3,10}$/.test(text)) {
    qb.where(`(p.npi LIKE :prefix OR p.phone LIKE :part OR p.fax LIKE :part)`, { prefix: `${text}%`, part: `%${text}%` });
  } else if (text) {
    const [last = '', first = ''] = text.includes(',') ? text.split(',').map((s) => s.trim()) : [text, ''];
    const like = (s: string) => `${escapeLike(s)}%`;
    qb.where(`(p.last_name LIKE :last ESCAPE '\\' OR p.practice LIKE :anywhere ESCAPE '\\'${first ? '' : ` OR p.first_name LIKE :last ESCAPE '\\'`})`, {
      last: like(last),
      anywhere: `%${escapeLike(last)}%`,
    });
    if (first) qb.andWhere(`p.first_name LIKE :first ESCAPE '\\'`, { first: like(first) });
  }
  const rows = await qb.orderBy('p.last_name').addOrderBy('p.first_name').limit(limit + 1).getMany();
  return { prescribers: rows.slice(0, limit).map(toPrescriber), truncated: rows.length > limit };
}
