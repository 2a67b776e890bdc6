import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { billable, PAYER } from '../helpers/billing-setup';
import { call, daysAgo } from '../helpers/temp-pharmacy';
import { confirmationOf } from './confirmed-export';

const OTHER = { ...PAYER, name: 'Lakeside Advantage', payerId: 'LKSA1', planContracts: ['H4410'] };
const MISMATCH =
  'The patient’s plan is Buckeye Senior Rx (PDP), contract S5810, which Lakeside Advantage does not pay for (it lists H4410). Bill Buckeye Senior Rx, which lists it.';

describe('the claim’s payer and the patient’s plan', () => {
  it('defaults the payer from the patient’s plan, and states a claim to another payer plainly', async () => {
    const { session, review, payerId } = await billable();
    const other = (await call(session, 'billing:savePayer', OTHER)).payers.find((p) => p.name === OTHER.name)!;
    // No payer chosen: the one that lists the patient's contract (S5810).
    const preview = await call(session, 'claims:preview', { reviewId: review.id });
    expect(preview).toMatchObject({ payerId, payerName: 'Buckeye Senior Rx', planWarning: null });
    // Chosen by hand, the other payer is billed, but the preview and the claim say what is wrong.
    expect(await call(session, 'claims:preview', { reviewId: review.id, payerId: other.id })).toMatchObject({
      planWarning: MISMATCH,
    });
    const claim = await call(session, 'claims:create', { reviewId: review.id, payerId: other.id });
    expect(claim).toMatchObject({ payerId: other.id, planWarning: MISMATCH });
    expect((await call(session, 'claims:list', {}))[0]!.planWarning).toBe(MISMATCH);

    // Once the patient's plan is recorded as the other payer's, the warning goes.
    const patient = await call(session, 'patients:get', { id: claim.patientId });
    await call(session, 'patients:update', {
      id: patient.id,
      version: patient.version,
      patient: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: patient.dateOfBirth,
        sex: patient.sex,
        address: { line1: '1418 Lakeview Terrace', city: 'Lakewood', state: 'OH', zip: '44107' },
        partD: { planName: 'Lakeside Advantage (HMO)', contractId: 'H4410', memberId: 'LKA-1' },
        allergies: [],
        noKnownAllergies: true,
      },
    });
    expect((await call(session, 'claims:list', {}))[0]!.planWarning).toBeNull();
  });

  it('asks for the payer when the plan names none and several are set up', async () => {
    const { session, review } = await billable();
    await call(session, 'billing:savePayer', OTHER);
    await call(session, 'billing:savePayer', { ...OTHER, name: 'Also Lakeside', payerId: 'LKSA2' });
    const patient = await call(session, 'patients:get', {
      id: (await call(session, 'reviews:get', { id: review.id })).patientId,
    });
    await call(session, 'patients:update', {
      id: patient.id,
      version: patient.version,
      patient: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: patient.dateOfBirth,
        sex: patient.sex,
        address: { line1: '1418 Lakeview Terrace', city: 'Lakewood', state: 'OH', zip: '44107' },
        partD: { planName: 'Lakeside Advantage (HMO)', contractId: 'H4410', memberId: 'LKA-1' },
        noKnownAllergies: true,
      },
    });
    expect(await dispatch(session, 'claims:preview', { reviewId: review.id })).toMatchObject({
      ok: false,
      error: {
        message: 'Choose the payer: H4410 is listed by Also Lakeside and Lakeside Advantage.',
        field: 'payerId',
      },
    });
  });
});

describe('the export’s list to confirm', () => {
  it('lists the claims it would send with their problems, and sends exactly the confirmed list', async () => {
    const { session, review } = await billable();
    const other = (await call(session, 'billing:savePayer', OTHER)).payers.find((p) => p.name === OTHER.name)!;
    let claim = await call(session, 'claims:create', { reviewId: review.id, payerId: other.id });
    claim = await call(session, 'claims:act', { action: 'ready', id: claim.id, version: claim.version });
    const range = { format: '837p' as const, from: daysAgo(30), to: daysAgo(0), payerId: other.id };
    const batches = async () => (await call(session, 'claims:batches', {})).length;

    const preview = await call(session, 'claims:exportPreview', range);
    expect(preview).toMatchObject({ payerName: 'Lakeside Advantage', problems: [], totalCents: claim.totalCents });
    expect(preview.claims).toEqual([
      { claim: expect.objectContaining({ id: claim.id }), problems: [{ message: MISMATCH, blocking: false }] },
    ]);

    // Changed after the list was shown (here: its version): refused, nothing written, the claim still ready.
    expect(
      await dispatch(session, 'claims:export', { ...range, claims: [{ id: claim.id, version: claim.version - 1 }] }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Nothing was exported: the claims ready for Lakeside Advantage changed after the list was shown (new or changed: ${claim.claimNumber}). Look over the list again, then confirm.`,
      },
    });
    // Confirmed before any was ready: refused likewise.
    expect(await dispatch(session, 'claims:export', { ...range, claims: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await batches()).toBe(0);
    expect((await call(session, 'claims:list', { status: 'ready' })).map((c) => c.id)).toEqual([claim.id]);

    // Confirmed as shown, the warning acknowledged: sent.
    const batch = await call(session, 'claims:export', { ...range, claims: confirmationOf(preview) });
    expect(batch.claimCount).toBe(1);
    expect((await call(session, 'claims:list', {}))[0]).toMatchObject({ status: 'exported', batchId: batch.id });
  });

  it('shows data missing since the claim was made as stopping the export, and refuses it', async () => {
    const { session, review, payerId } = await billable();
    let claim = await call(session, 'claims:create', { reviewId: review.id, payerId });
    claim = await call(session, 'claims:act', { action: 'ready', id: claim.id, version: claim.version });
    const patient = await call(session, 'patients:get', { id: claim.patientId });
    await call(session, 'patients:update', {
      id: patient.id,
      version: patient.version,
      patient: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: patient.dateOfBirth,
        sex: patient.sex,
        partD: { planName: 'Buckeye Senior Rx (PDP)', contractId: 'S5810', memberId: 'BSR-448812' },
        noKnownAllergies: true,
      },
    });
    const range = { format: 'csv' as const, from: daysAgo(30), to: daysAgo(0), payerId };
    const preview = await call(session, 'claims:exportPreview', range);
    const missing = `Add ${claim.patientName}’s full address.`;
    expect(preview.claims[0]!.problems).toEqual([{ message: missing, blocking: true }]);
    expect(await dispatch(session, 'claims:export', { ...range, claims: confirmationOf(preview) })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: `Nothing was exported. ${missing}` },
    });
    expect((await call(session, 'claims:batches', {})).length).toBe(0);
  });
});
