import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { CLAIM, insert, PATIENT, PAYER, REVIEW, rowsOf } from './rows';

// Adds the payer's procedure modifier for video and for audio-only reviews (95, GT or 93; none, NULL, for payers
// already there) and the modifier each claim was made with (NULL for claims already there).
describe('migration 1765700000000-telehealth-modifiers', () => {
  it('gives existing payers and claims no modifier and accepts only 95, GT or 93 for a payer', async () => {
    const { db: old, migrate } = await beforeMigration('TelehealthModifiers1765700000000');
    await insert(old, 'patients', PATIENT);
    await insert(old, 'reviews', REVIEW);
    await insert(old, 'payers', PAYER);
    await insert(old, 'claims', CLAIM);
    const payersBefore = await columnsOf(old, 'payers');
    const claimsBefore = await columnsOf(old, 'claims');
    const db = await migrate();

    expect(await columnsOf(db, 'payers')).toEqual([...payersBefore, 'video_modifier TEXT', 'audio_modifier TEXT']);
    expect(await columnsOf(db, 'claims')).toEqual([...claimsBefore, 'modifier TEXT']);
    const [payer] = await rowsOf(db, 'payers');
    expect(payer).toMatchObject({ id: PAYER.id, video_modifier: null, audio_modifier: null });
    const [claim] = await rowsOf(db, 'claims');
    expect(claim).toMatchObject({ id: CLAIM.id, modifier: null });

    await run(db, sql`UPDATE payers SET video_modifier = ${'95'}, audio_modifier = ${'93'} WHERE id = ${PAYER.id}`);
    await run(db, sql`UPDATE payers SET video_modifier = ${'GT'} WHERE id = ${PAYER.id}`);
    await expect(run(db, sql`UPDATE payers SET video_modifier = ${'GQ'}`)).rejects.toThrow(/CHECK/);
    await expect(run(db, sql`UPDATE payers SET audio_modifier = ${''}`)).rejects.toThrow(/CHECK/);
    await run(db, sql`UPDATE claims SET modifier = ${'95'} WHERE id = ${CLAIM.id}`);
    expect((await rowsOf(db, 'claims'))[0]).toMatchObject({ modifier: '95' });
    await db.destroy();
  });
});
