// Correcting the face-to-face minutes after signing: a dated addendum (who, when, old → new, why) shown on the review;
// billing follows the corrected minutes, and a claim made before the correction says it was made for other minutes.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { billable } from '../helpers/billing-setup';
import { run, sql } from '../../main/db/sql';
import { auditRows, call } from '../helpers/temp-pharmacy';

describe('a minutes addendum', () => {
  it('corrects a signed review’s minutes with a reason, at its version, and billing follows', async () => {
    const { session, review, payerId } = await billable();
    expect(review.faceToFaceMinutes).toBe(38);
    const correct = (changes: Record<string, unknown>) =>
      dispatch(session, 'reviews:correctMinutes', { id: review.id, version: review.version, ...changes });
    expect(await correct({ minutes: 4 })).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'reason' }] },
    });
    expect(await correct({ minutes: 0, reason: 'Typed the wrong number' })).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'minutes' }] },
    });
    expect(await correct({ minutes: 38, reason: 'Same again' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/already 38 minutes/) },
    });
    expect(
      await dispatch(session, 'reviews:correctMinutes', {
        id: review.id,
        version: review.version - 1,
        minutes: 20,
        reason: 'Counted the wait at the counter',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Reload/) } });
    const claim = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(claim).toMatchObject({ minutes: 38, status: 'draft' });

    const r = await call(session, 'reviews:correctMinutes', {
      id: review.id,
      version: review.version,
      minutes: 20,
      reason: 'Counted the wait at the counter',
    });
    expect(r.faceToFaceMinutes).toBe(20);
    expect(r.minutesAddenda).toEqual([
      {
        id: expect.any(String),
        oldMinutes: 38,
        newMinutes: 20,
        reason: 'Counted the wait at the counter',
        createdAt: expect.any(String),
        createdBy: 'Lee Ambrose, RPh (pharmacist1)',
      },
    ]);
    // The signed note keeps what it said; the addendum says what changed.
    expect(r.soapNote).toBe(review.soapNote);
    expect(
      (await auditRows(session)).find((a) => a.action === 'review.minutes' && a.outcome === 'success'),
    ).toMatchObject({
      object_id: review.id,
      detail: '38 → 20 min',
    });
    // The draft claim keeps the 38 minutes it was made with (the billing panel flags it); voided, the review is coded
    // again from 20 minutes: one 15-minute block.
    expect(await call(session, 'claims:list', { reviewId: review.id })).toMatchObject([{ minutes: 38 }]);
    await call(session, 'claims:act', { id: claim.id, version: claim.version, action: 'void' });
    const recoded = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(recoded).toMatchObject({ minutes: 20, lines: [{ code: '99605', units: 1 }] });
    await session.signOut();
  });

  it('codes the correction of a claim the payer already has from the corrected minutes', async () => {
    const { session, review, payerId } = await billable();
    const sent = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(sent.lines).toEqual([
      expect.objectContaining({ code: '99605', units: 1 }),
      expect.objectContaining({ code: '99607', units: 1 }),
    ]);
    // As if exported and submitted to the payer.
    await run(session.current().db, sql`UPDATE claims SET status = 'submitted' WHERE id = ${sent.id}`);
    await call(session, 'reviews:correctMinutes', {
      id: review.id,
      version: review.version,
      minutes: 20,
      reason: 'Counted the wait at the counter',
    });
    const [claim] = await call(session, 'claims:list', { reviewId: review.id });
    const correction = await call(session, 'claims:act', { id: claim!.id, version: claim!.version, action: 'replace' });
    expect(correction).toMatchObject({
      frequency: '7',
      replacesClaimId: sent.id,
      minutes: 20,
      lines: [{ code: '99605', units: 1 }],
      totalCents: 6500,
      explanation: expect.stringMatching(/Corrected from 38 minutes/),
    });
    await session.signOut();
  });

  it('is only for signed reviews', async () => {
    const { session, review } = await billable();
    const open = await call(session, 'reviews:create', { patientId: review.patientId, type: 'tmr' });
    expect(
      await dispatch(session, 'reviews:correctMinutes', {
        id: open.id,
        version: open.version,
        minutes: 20,
        reason: 'Too early',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/sign-off/) } });
    await session.signOut();
  });
});
