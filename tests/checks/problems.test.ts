import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import {
  addTechnician,
  auditRows,
  call,
  daysAgo,
  newPharmacy,
  PASSWORD,
  signInAsTechnician,
} from '../helpers/temp-pharmacy';

describe('drug-therapy problems', () => {
  it('are resolved with a date and how, refused twice or before they were recorded, and can be reopened', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Ottilie', lastName: 'Brannigan', dateOfBirth: '1946-05-02', sex: 'female' },
    });
    const dizzy = await call(session, 'problems:add', {
      patientId: p.id,
      category: 'adverseReaction',
      severity: 'moderate',
      title: 'amlodipine',
      description: 'Dizzy on standing; home BP 104/62',
    });
    expect(dizzy).toMatchObject({
      patientId: p.id,
      status: 'open',
      resolvedOn: null,
      resolution: null,
      resolvedBy: null,
    });

    const today = daysAgo(0);
    const bad = async (payload: object) =>
      (await dispatch(session, 'problems:resolve', { id: dizzy.id, ...payload })) as {
        ok: boolean;
        error?: { code: string; field?: string; message: string };
      };
    expect(await bad({ resolvedOn: daysAgo(-1), resolution: 'Dose lowered' })).toMatchObject({
      ok: false,
      error: { field: 'resolvedOn', message: 'The date it was resolved cannot be in the future' },
    });
    expect(await bad({ resolvedOn: daysAgo(3), resolution: 'Dose lowered' })).toMatchObject({
      ok: false,
      error: {
        field: 'resolvedOn',
        message: expect.stringMatching(/recorded on .*; it cannot have been resolved before that/),
      },
    });
    expect(await bad({ resolvedOn: today, resolution: 'ok' })).toMatchObject({
      ok: false,
      error: { field: 'resolution' },
    });
    expect((await call(session, 'problems:list', { patientId: p.id }))[0]!.status).toBe('open');

    const resolved = await call(session, 'problems:resolve', {
      id: dizzy.id,
      resolvedOn: today,
      resolution: 'Prescriber lowered amlodipine to 2.5 mg; no dizziness since',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedOn: today,
      resolution: 'Prescriber lowered amlodipine to 2.5 mg; no dizziness since',
      resolvedBy: 'pharmacist1',
    });
    expect(await bad({ resolvedOn: today, resolution: 'Again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already resolved on .* by pharmacist1/) },
    });

    // A technician reads problems but does not decide they are resolved.
    await addTechnician(session);
    await signInAsTechnician(session);
    expect(await dispatch(session, 'problems:reopen', { id: dizzy.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await session.signOut();
    await session.signIn({ username: 'pharmacist1', password: PASSWORD });

    const reopened = await call(session, 'problems:reopen', { id: dizzy.id });
    expect(reopened).toMatchObject({ status: 'open', resolvedOn: null, resolution: null, resolvedBy: null });
    expect(await dispatch(session, 'problems:reopen', { id: dizzy.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // The audit trail keeps the resolution the reopening cleared.
    const trail = (await auditRows(session)).filter(
      (a) => /^problem\.(add|resolve|reopen)$/.test(a.action) && a.outcome === 'success',
    );
    expect(trail.map((a) => `${a.action} ${a.detail ?? ''}`.trim())).toEqual([
      'problem.add adverseReaction (moderate): amlodipine',
      `problem.resolve resolved ${today}: Prescriber lowered amlodipine to 2.5 mg; no dizziness since`,
      'problem.reopen',
    ]);
    expect(trail.every((a) => a.patient_id === p.id)).toBe(true);
    await session.signOut();
  });
});
