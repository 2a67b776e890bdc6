import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { CLAIM, insert, PATIENT, PAYER, REVIEW, rowsOf } from './rows';

// Adds the payer's place of service for telephone and video reviews (01, 02 or 10; '01' for payers already
// there) and the place of service each claim was made with ('01' for claims already there, unchecked).
describe('migration 1765100000000-place-of-service', () => {
  it("gives existing payers and claims place of service '01' and accepts only 01, 02 or 10 for a payer", async () => {
    const { db: old, migrate } = await beforeMigration('PlaceOfService1765100000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    await insert(old, 'payers', PAYER);
    await insert(old, 'claims', { ...CLAIM, payer_claim_number: '2025335001234' });
    const payersBefore = await columnsOf(old, 'payers');
    const claimsBefore = await columnsOf(old, 'claims');
    const db = await migrate();

    expect(await columnsOf(db, 'payers')).toEqual([
      ...payersBefore,
      "remote_place_of_service TEXT NOT NULL DEFAULT '01'",
    ]);
    expect(await columnsOf(db, 'claims')).toEqual([...claimsBefore, "place_of_service TEXT NOT NULL DEFAULT '01'"]);
    expect(await rowsOf(db, 'payers')).toEqual([{ ...PAYER, remote_place_of_service: '01' }]);
    expect(await rowsOf(db, 'claims')).toEqual([
      { ...CLAIM, payer_claim_number: '2025335001234', place_of_service: '01' },
    ]);

    await run(db, sql`UPDATE payers SET remote_place_of_service = ${'10'} WHERE id = ${PAYER.id}`);
    await expect(run(db, sql`UPDATE payers SET remote_place_of_service = ${'99'}`)).rejects.toThrow(/CHECK/);
    await expect(insert(db, 'payers', { ...PAYER, id: 'p2', remote_place_of_service: '11' })).rejects.toThrow(/CHECK/);
    await run(db, sql`UPDATE claims SET place_of_service = ${'10'} WHERE id = ${CLAIM.id}`);
    const [claim] = await rowsOf(db, 'claims');
    expect(claim).toMatchObject({ place_of_service: '10' });
    await db.destroy();
  });
});
