import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, PRESCRIBER, rowsOf } from './rows';

// Adds the prescribers table (NPI unique, a preferred way to be contacted) with a name index.
describe('migration 1764000000000-prescribers', () => {
  it('creates prescribers with a unique NPI and a checked contact method, leaving patients as they were', async () => {
    const { db: old, migrate } = await beforeMigration('Prescribers1764000000000');
    await insert(old, 'patients', PATIENT);
    const db = await migrate();

    expect(await rowsOf(db, 'patients')).toEqual([PATIENT]);
    expect(await columnsOf(db, 'prescribers')).toEqual([
      'id TEXT',
      'version INTEGER NOT NULL DEFAULT 1',
      'npi TEXT NOT NULL',
      'first_name TEXT NOT NULL',
      'last_name TEXT NOT NULL',
      'credentials TEXT',
      'dea TEXT',
      'practice TEXT',
      'phone TEXT',
      'fax TEXT',
      'address_line1 TEXT',
      'address_line2 TEXT',
      'city TEXT',
      'state TEXT',
      'zip TEXT',
      'preferred_contact TEXT NOT NULL',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'prescribers')).toEqual(['index idx_prescribers_name']);

    await insert(db, 'prescribers', PRESCRIBER);
    expect(await rowsOf(db, 'prescribers')).toEqual([PRESCRIBER]);
    await expect(insert(db, 'prescribers', { ...PRESCRIBER, id: 'other' })).rejects.toThrow(/UNIQUE/);
    const byEmail = { ...PRESCRIBER, id: 'other', npi: '1972648305', preferred_contact: 'email' };
    await expect(insert(db, 'prescribers', byEmail)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
