import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { Session } from '../../main/security/session';
import { addTechnician, auditRows, newPharmacy, PASSWORD, TECH_PASSWORD } from '../helpers/temp-pharmacy';

afterEach(() => vi.useRealTimers());

describe('automatic logoff and the lock screen', () => {
  it('locking closes the database and wipes the key; only the same password resumes', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    const key = (session as unknown as { unlocked: { key: Buffer } }).unlocked.key;
    await dispatch(session, 'security:lock', {});

    expect(db.isInitialized).toBe(false);
    expect(key.every((b) => b === 0)).toBe(true);
    expect(session.status()).toMatchObject({
      user: null,
      locked: { username: 'pharmacist1', fullName: 'Lee Ambrose, RPh' },
    });
    expect(await dispatch(session, 'patients:search', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });

    expect(await dispatch(session, 'security:unlock', { password: 'wrong password here' })).toMatchObject({
      ok: false,
      error: { code: 'badCredentials' },
    });
    expect(session.status().locked?.username).toBe('pharmacist1');
    expect(await dispatch(session, 'security:unlock', { password: PASSWORD })).toMatchObject({
      ok: true,
      data: { username: 'pharmacist1' },
    });
    expect(session.status().locked).toBeNull();
    const actions = (await auditRows(session)).map((r) => `${r.action}:${r.outcome}`);
    expect(actions.slice(-3)).toEqual(['security.lock:success', 'security.signIn:failure', 'security.unlock:success']);
    await session.signOut();
  });

  it('another user signing in at the lock screen starts a fresh session', async () => {
    const { session } = await newPharmacy();
    await addTechnician(session);
    await session.lock('user');
    await session.signIn({ username: 'tech1', password: TECH_PASSWORD });
    expect(session.status()).toMatchObject({ user: { username: 'tech1' }, locked: null });
    expect((await auditRows(session)).at(-1)).toMatchObject({ action: 'security.signIn', username: 'tech1' });
    await session.signOut();
  });

  it('locks by itself after the idle minutes set for the pharmacy, unless there was activity', async () => {
    const { session, dataDir } = await newPharmacy();
    expect(await dispatch(session, 'settings:update', { idleLockMinutes: 2 })).toMatchObject({
      ok: true,
      data: { idleLockMinutes: 2 },
    });
    await session.signOut();

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const s = new Session(dataDir);
    await s.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(s.status().idleLockMinutes).toBe(2);

    vi.advanceTimersByTime(90_000);
    expect(await dispatch(s, 'security:activity', {})).toMatchObject({ ok: true });
    vi.advanceTimersByTime(90_000);
    expect(s.status().user?.username).toBe('pharmacist1');

    vi.advanceTimersByTime(35_000);
    await vi.waitFor(() => expect(s.status().locked?.username).toBe('pharmacist1'));
    expect(s.status().user).toBeNull();
    vi.useRealTimers();
    await s.unlock(PASSWORD);
    const lock = (await auditRows(s)).filter((r) => r.action === 'security.lock');
    expect(lock.at(-1)?.detail).toBe('idle for 2 min');
    await s.signOut();
  });
});
