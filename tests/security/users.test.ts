import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { readKeyring } from '../../main/security/keyring';
import { Session } from '../../main/security/session';
import { addTechnician, auditRows, newPharmacy, PASSWORD, TECH_PASSWORD } from '../helpers/temp-pharmacy';

describe('user administration', () => {
  it('a new user gets their own key slot and must choose their own password at first sign-in', async () => {
    const { session, dataDir } = await newPharmacy();
    await addTechnician(session);
    expect(readKeyring(session.paths.keyring).slots.map((s) => s.username ?? s.kind)).toEqual([
      'pharmacist1',
      'recovery',
      'tech1',
    ]);
    await session.signOut();

    const s = new Session(dataDir);
    const tech = await s.signIn({ username: 'tech1', password: TECH_PASSWORD });
    expect(tech).toMatchObject({ role: 'technician', isAdmin: false, mustChangePassword: true });
    expect(
      await dispatch(s, 'security:changeOwnPassword', {
        currentPassword: 'wrong current pw',
        newPassword: 'my own secret phrase',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'currentPassword' },
    });
    expect(
      await dispatch(s, 'security:changeOwnPassword', {
        currentPassword: TECH_PASSWORD,
        newPassword: 'my own secret phrase',
      }),
    ).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    await s.signOut();
    await expect(s.signIn({ username: 'tech1', password: TECH_PASSWORD })).rejects.toMatchObject({
      code: 'badCredentials',
    });
    expect(await s.signIn({ username: 'tech1', password: 'my own secret phrase' })).toMatchObject({
      mustChangePassword: false,
    });
    await s.signOut();
  });

  it('disabling removes the slot; a reset re-enables with a new temporary password; all recorded as permission changes', async () => {
    const { session, dataDir } = await newPharmacy();
    await addTechnician(session);
    const disabled = await dispatch(session, 'users:disable', { username: 'tech1' });
    expect(disabled).toMatchObject({ ok: true, data: { user: { active: false }, rekey: { dropped: [] } } });
    // Disabling re-keys: a new recovery code, shown once to the administrator.
    expect(disabled.ok && (disabled.data as { rekey: { recoveryCode: string } }).rekey.recoveryCode).toMatch(
      /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/,
    );
    expect(readKeyring(session.paths.keyring).slots.some((s) => s.username === 'tech1')).toBe(false);
    expect(
      await dispatch(session, 'users:add', {
        username: 'tech1',
        fullName: 'Someone Else',
        role: 'technician',
        temporaryPassword: 'another temp password',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'username' },
    });
    await session.signOut();
    await expect(new Session(dataDir).signIn({ username: 'tech1', password: TECH_PASSWORD })).rejects.toMatchObject({
      code: 'badCredentials',
    });

    await session.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(
      await dispatch(session, 'users:resetPassword', { username: 'tech1', temporaryPassword: 'fresh temporary pw' }),
    ).toMatchObject({ ok: true, data: { active: true, mustChangePassword: true } });
    expect(
      await dispatch(session, 'users:update', {
        username: 'tech1',
        fullName: 'Terry Tech',
        role: 'pharmacist',
        isAdmin: true,
      }),
    ).toMatchObject({ ok: true, data: { role: 'pharmacist', isAdmin: true } });
    const changes = (await auditRows(session)).filter((r) => r.category === 'users');
    expect(changes.map((r) => `${r.action}: ${r.detail}`)).toEqual([
      'user.add: role technician; administrator no',
      'user.disable: key slot removed; data key replaced',
      'user.resetPassword: new key slot; must change password',
      'user.permissionChange: role technician → pharmacist; administrator no → yes',
    ]);
    await session.signOut();
  });

  it('never leaves the pharmacy without an administrator, and nobody can disable themselves', async () => {
    const { session } = await newPharmacy();
    expect(await dispatch(session, 'users:disable', { username: 'pharmacist1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'You cannot disable your own account.' },
    });
    expect(
      await dispatch(session, 'users:update', {
        username: 'pharmacist1',
        fullName: 'Lee Ambrose, RPh',
        role: 'pharmacist',
        isAdmin: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/only active administrator/) },
    });
    expect(
      await dispatch(session, 'users:add', {
        username: 'tech2',
        fullName: 'T Two',
        role: 'technician',
        isAdmin: true,
        temporaryPassword: 'temporary password 2',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'isAdmin' },
    });
    await session.signOut();
  });
});

describe('break-glass access with the recovery code', () => {
  it('a pharmacist who lost their password gets in with a reason and a new password; it is audited as its own event', async () => {
    const { session, dataDir, recoveryCode } = await newPharmacy();
    await session.signOut();
    const s = new Session(dataDir);
    const reason = 'Forgot password, administrator away on leave';

    expect(
      await dispatch(s, 'security:breakGlass', {
        username: 'pharmacist1',
        recoveryCode: recoveryCode.replace(/^..../, 'ZZZZ'),
        reason,
        newPassword: 'brand new pass phrase',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'badCredentials' },
    });
    const ok = await dispatch(s, 'security:breakGlass', {
      username: 'pharmacist1',
      recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' '),
      reason,
      newPassword: 'brand new pass phrase',
    });
    expect(ok).toMatchObject({ ok: true, data: { username: 'pharmacist1' } });
    const events = (await auditRows(s)).filter((r) => r.action === 'security.breakGlass');
    expect(events.map((r) => `${r.outcome}: ${r.detail}`)).toEqual([
      'failure: wrong recovery code (recorded while the database was closed)',
      `success: reason: ${reason}`,
    ]);
    await s.signOut();
    await expect(s.signIn({ username: 'pharmacist1', password: PASSWORD })).rejects.toMatchObject({
      code: 'badCredentials',
    });
    await s.signIn({ username: 'pharmacist1', password: 'brand new pass phrase' });
    await s.signOut();
  });

  it('is refused to a technician, even with the right code', async () => {
    const { session, dataDir, recoveryCode } = await newPharmacy();
    await addTechnician(session);
    await session.signOut();
    const s = new Session(dataDir);
    expect(
      await dispatch(s, 'security:breakGlass', {
        username: 'tech1',
        recoveryCode,
        reason: 'I would like to get in please',
        newPassword: 'technician new pass',
      }),
    ).toMatchObject({ ok: false, error: { code: 'badCredentials' } });
    await s.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect((await auditRows(s)).find((r) => r.action === 'security.breakGlass')).toMatchObject({
      outcome: 'denied',
      username: 'tech1',
    });
    await s.signOut();
  });
});
