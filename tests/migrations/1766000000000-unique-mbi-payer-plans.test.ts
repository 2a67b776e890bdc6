import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, PAYER, rowsOf } from './rows';

const another = (changes: Record<string, unknown>) => ({ ...PATIENT, id: randomUUID(), ...changes });

// Adds the Part D contracts a payer bills for (none for payers already there) and one living patient per MBI: a partial
// unique index where the file holds no two living records with one MBI, and none (the records left as they are) where
// it does, since the index could not be built over them.
describe('migration 1766000000000-unique-mbi-payer-plans', () => {
  it('lists no plans for existing payers and refuses a second living patient with the same MBI', async () => {
    const { db: old, migrate } = await beforeMigration('UniqueMbiPayerPlans1766000000000');
    await insert(old, 'patients', PATIENT);
    // A removed record and one without an MBI do not count.
    await insert(old, 'patients', another({ deleted_at: '2025-11-01T10:00:00.000Z', deleted_by: 'pharmacist1' }));
    await insert(old, 'patients', another({ mbi: null }));
    await insert(old, 'payers', PAYER);
    const payersBefore = await columnsOf(old, 'payers');
    const db = await migrate();

    expect(await columnsOf(db, 'payers')).toEqual([...payersBefore, "plan_contracts TEXT NOT NULL DEFAULT '[]'"]);
    expect((await rowsOf(db, 'payers'))[0]).toMatchObject({ id: PAYER.id, plan_contracts: '[]' });
    expect(await indexesOf(db, 'patients')).toContain('index idx_patients_live_mbi');
    await expect(insert(db, 'patients', another({}))).rejects.toThrow(/UNIQUE/);
    await insert(db, 'patients', another({ mbi: null }));
    // Removing the first frees its MBI for a new record.
    await run(db, sql`UPDATE patients SET deleted_at = ${'2025-12-01T10:00:00.000Z'} WHERE id = ${PATIENT.id}`);
    await insert(db, 'patients', another({}));
    await db.destroy();
  });

  it('leaves a file that already holds two living patients with one MBI as it is, without the index', async () => {
    const { db: old, migrate } = await beforeMigration('UniqueMbiPayerPlans1766000000000');
    const twin = another({ first_name: 'Winnie' });
    await insert(old, 'patients', PATIENT);
    await insert(old, 'patients', twin);
    const db = await migrate();

    expect((await rowsOf(db, 'patients')).map((p) => p.id)).toEqual([PATIENT.id, twin.id]);
    expect(await indexesOf(db, 'patients')).not.toContain('index idx_patients_live_mbi');
    await db.destroy();
  });
});
