import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../preload/contract';
import { isAllowed, PERMISSIONS } from '../../preload/permissions';
import { dispatch } from '../../main/bridge/dispatch';
import { addTechnician, auditRows, newPharmacy, tempDir, signInAsTechnician } from '../helpers/temp-pharmacy';

const validPatient = { firstName: 'Araminta', lastName: 'Vosburgh', dateOfBirth: '1949-02-11', sex: 'female' };

describe('the permission matrix', () => {
  it('names every channel, and only pharmacists can be administrators of clinical sign-off', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...CHANNELS].sort());
    const tech = { role: 'technician' as const, isAdmin: false };
    const rph = { role: 'pharmacist' as const, isAdmin: false };
    const admin = { role: 'pharmacist' as const, isAdmin: true };
    expect([isAllowed(tech, 'signedIn'), isAllowed(tech, 'pharmacist'), isAllowed(tech, 'admin')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([isAllowed(rph, 'pharmacist'), isAllowed(rph, 'admin')]).toEqual([true, false]);
    expect(isAllowed(admin, 'admin')).toBe(true);
  });

  it('lets a technician register and find patients, refuses pharmacist and admin work with `forbidden`, and audits each refusal', async () => {
    const { session } = await newPharmacy();
    await addTechnician(session);
    await signInAsTechnician(session);

    const created = await dispatch(session, 'patients:create', { patient: validPatient });
    expect(created.ok).toBe(true);
    expect(await dispatch(session, 'patients:search', { query: 'vos' })).toMatchObject({
      ok: true,
      data: { patients: [{ lastName: 'Vosburgh' }] },
    });

    const id = created.ok ? (created.data as { id: string }).id : '';
    const refused = {
      'patients:delete': { id, reason: 'duplicate' },
      'users:list': {},
      'audit:search': { filter: {} },
      'backup:create': { folder: tempDir() },
      'settings:update': { idleLockMinutes: 30 },
    };
    for (const [channel, payload] of Object.entries(refused)) {
      const result = await dispatch(session, channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!result.ok) expect(result.error.message).toMatch(/^Only (a pharmacist|an administrator) can do this/);
    }
    const denied = (await auditRows(session)).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.detail)).toEqual([
      'patients:delete needs a pharmacist',
      'users:list needs an administrator',
      'audit:search needs an administrator',
      'backup:create needs an administrator',
      'settings:update needs an administrator',
    ]);
    expect(denied.every((r) => r.username === 'tech1')).toBe(true);
    // The patient is still there: the refused delete changed nothing.
    expect(await dispatch(session, 'patients:get', { id })).toMatchObject({ ok: true });
    await session.signOut();
  });
});
