import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { openPostgres } from '../../main/db/postgres-source';
import { all, sql } from '../../main/db/sql';
import { FILE_ONLY } from '../helpers/backend';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { FILL, insert, indexesOf, PATIENT, REVIEW, rowsOf, tablesOf } from './rows';

// Adds the bottles of a brown bag, one row per scan, tied to the patient, optionally the review and the fill its
// label named; nothing else changes.
const SCAN = {
  id: 's1',
  patient_id: PATIENT.id,
  review_id: REVIEW.id,
  scanned_on: '2026-12-03',
  scanned_at: '2026-12-03T15:00:00.000Z',
  scanned_by: 'pharmacist1',
  kind: 'gs1',
  ndc: '00071015523',
  product: 'Lipitor 20 mg',
  strength: null,
  dose_form: null,
  lot: 'A1B2',
  expiry: '2027-12-31',
  serial: 'SN1',
  rx_number: null,
  fill_id: FILL.id,
};

const server = usePostgres();
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

describe('migration 1766500000000-bag-scans', FILE_ONLY, () => {
  it('creates bag_scans, indexed by patient and day and by review, checked against its patient, review and fill', async () => {
    const { db: old, migrate } = await beforeMigration('BagScans1766500000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    await insert(old, 'fills', FILL);
    const tablesBefore = await tablesOf(old);
    const db = await migrate();
    open.push(db);

    expect(await tablesOf(db)).toEqual([...tablesBefore, 'bag_scans'].sort());
    expect(await indexesOf(db, 'bag_scans')).toEqual(['index idx_bag_scans_patient', 'index idx_bag_scans_review']);
    expect((await columnsOf(db, 'bag_scans')).slice(0, 7)).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'review_id TEXT',
      'scanned_on TEXT NOT NULL',
      'scanned_at TEXT NOT NULL',
      'scanned_by TEXT NOT NULL',
      'kind TEXT NOT NULL',
    ]);
    await insert(db, 'bag_scans', SCAN);
    expect(await rowsOf(db, 'bag_scans')).toEqual([SCAN]);
    await expect(insert(db, 'bag_scans', { ...SCAN, id: 's2', kind: 'photo' })).rejects.toThrow(/CHECK/);
    await expect(insert(db, 'bag_scans', { ...SCAN, id: 's3', fill_id: 'nope' })).rejects.toThrow(/FOREIGN KEY/);
  });

  it.skipIf(noPostgres)('builds the same table on PostgreSQL', async () => {
    const at = MIGRATIONS.findIndex((m) => new m().name === 'BagScans1766500000000');
    const db = await openPostgres(await server.newDatabase(), { ssl: false, migrations: MIGRATIONS.slice(0, at + 1) });
    open.push(db);
    await insert(db, 'patients', PATIENT);
    await insert(db, 'reviews', REVIEW);
    await insert(db, 'fills', FILL);
    await insert(db, 'bag_scans', SCAN);
    expect(await all(db, sql`SELECT * FROM bag_scans`)).toEqual([SCAN]);
    await expect(insert(db, 'bag_scans', { ...SCAN, id: 's2', kind: 'photo' })).rejects.toThrow(/check constraint/);
  });
});
