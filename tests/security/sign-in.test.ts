// Sign-in and session edges from the outside audit: a temporary password opens nothing, guessing is
// throttled on disk, a failed sign-in leaves the signed-in user alone, failures never log patient
// data, and the server's idle lock reaches the screen as an event.
import { request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { dispatch } from '../../main/bridge/dispatch';
import { startBridgeServer } from '../../main/bridge/server';
import { Session } from '../../main/security/session';
import { assertMayTry, MAX_WAIT_MS, recordFailure, recordSuccess } from '../../main/security/sign-in-throttle';
import { HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER } from '../../preload/contract';
import { rawOpen } from '../helpers/raw-database';
import { addTechnician, auditRows, newPharmacy, PASSWORD, TECH_PASSWORD, tempDir } from '../helpers/temp-pharmacy';

const post = (url: string, token: string, channel: string, body: string) =>
  fetch(new URL(`api/${channel}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
    body,
  }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>);

describe('a temporary password', () => {
  it('opens only status, password change, sign-out and lock — through dispatch and over HTTP — and every refusal is audited', async () => {
    const { session } = await newPharmacy();
    await dispatch(session, 'patients:create', {
      patient: {
        firstName: 'Ottilie',
        lastName: 'Brandvold',
        dateOfBirth: '1941-03-03',
        sex: 'female',
        mbi: '1EG4-TE5-MK73',
      },
    });
    await addTechnician(session);
    await session.signOut();
    await session.signIn({ username: 'tech1', password: TECH_PASSWORD });

    const search = await dispatch(session, 'patients:search', { query: 'Brand' });
    expect(search).toMatchObject({
      ok: false,
      error: {
        code: 'passwordChangeRequired',
        message: 'Choose your own password first: the one you were given is temporary.',
      },
    });
    expect(await dispatch(session, 'security:status', {})).toMatchObject({
      ok: true,
      data: { user: { username: 'tech1', mustChangePassword: true } },
    });

    const server = await startBridgeServer({ session, staticDir: tempDir() });
    try {
      const overHttp = await post(server.url, server.token, 'patients:search', '{"query":"Brand"}');
      expect(overHttp).toMatchObject({ ok: false, error: { code: 'passwordChangeRequired' } });
      expect(JSON.stringify(overHttp)).not.toContain('Brandvold');
    } finally {
      await server.close();
    }
    const changed = await dispatch(session, 'security:changeOwnPassword', {
      currentPassword: TECH_PASSWORD,
      newPassword: 'technician chosen phrase',
    });
    expect(changed.ok).toBe(true);
    expect(await dispatch(session, 'patients:search', { query: 'Brand' })).toMatchObject({
      ok: true,
      data: { patients: [{ lastName: expect.stringMatching(/^Brandvold$/i) }] },
    });
    const refused = (await auditRows(session)).filter((r) => r.outcome === 'denied' && r.username === 'tech1');
    expect(refused.map((r) => r.detail)).toEqual([
      'patients:search refused: temporary password not yet changed',
      'patients:search refused: temporary password not yet changed',
    ]);
    await session.signOut();
  });
});

describe('sign-in throttling', () => {
  it('after 5 wrong passwords refuses even the right one, without deriving a key, until the wait is over — and a new process sees the same', async () => {
    const { session, dataDir } = await newPharmacy();
    await session.signOut();
    const s = new Session(dataDir);
    for (let i = 0; i < 5; i++)
      await expect(s.signIn({ username: 'pharmacist1', password: `wrong guess ${i}xx` })).rejects.toMatchObject({
        code: 'badCredentials',
      });
    const started = performance.now();
    await expect(s.signIn({ username: 'pharmacist1', password: PASSWORD })).rejects.toMatchObject({
      code: 'throttled',
      message:
        'Too many wrong passwords for pharmacist1. Wait 30 seconds before trying again, or ask an administrator to reset the password.',
    });
    expect(performance.now() - started).toBeLessThan(50); // refused before the slow key derivation
    await expect(new Session(dataDir).signIn({ username: 'pharmacist1', password: PASSWORD })).rejects.toMatchObject({
      code: 'throttled',
    });
    // Another user is not held up by one user's failures.
    await expect(
      new Session(dataDir).signIn({ username: 'someone', password: 'wrong guess here' }),
    ).rejects.toMatchObject({ code: 'badCredentials' });
  });

  it('doubles the wait with each further failure up to 15 minutes, pauses the whole computer after 20, and a success clears the user', () => {
    const file = `${tempDir()}/throttle.json`;
    let now = Date.parse('2026-12-02T12:00:00Z');
    const waits: number[] = [];
    for (let i = 1; i <= 12; i++) {
      recordFailure(file, 'pharmacist1', now);
      let wait = 0;
      while (true) {
        try {
          assertMayTry(file, 'pharmacist1', now + wait);
          break;
        } catch {
          wait += 1000;
        }
      }
      waits.push(wait / 1000);
      now += wait;
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(MAX_WAIT_MS).toBe(15 * 60_000);
    // Guessing after the back-off: 3 600 s / 900 s = 4 guesses an hour, ≈0.001 a second.

    const global = `${tempDir()}/throttle.json`;
    for (let i = 0; i < 20; i++) recordFailure(global, `user${i}`, now);
    expect(() => assertMayTry(global, 'fresh-user', now + 1000)).toThrow(
      /Too many wrong passwords on this computer. Sign-in is paused for 29 seconds/,
    );
    expect(() => assertMayTry(global, 'fresh-user', now + 31_000)).not.toThrow();

    recordSuccess(file, 'pharmacist1');
    expect(() => assertMayTry(file, 'pharmacist1', now)).not.toThrow();
  });

  it('a failed sign-in leaves whoever is signed in as they were', async () => {
    const { session } = await newPharmacy();
    await expect(session.signIn({ username: 'pharmacist1', password: 'not the password' })).rejects.toMatchObject({
      code: 'badCredentials',
    });
    expect(session.status().user?.username).toBe('pharmacist1');
    expect(await dispatch(session, 'patients:search', { query: 'a' })).toMatchObject({ ok: true });
    await session.signOut();
  });
});

describe('failures and the log', () => {
  it(
    'a busy database, an internal error and a malformed body log a reference, never the patient',
    FILE_ONLY,
    async () => {
      const { session } = await newPharmacy();
      const lines: string[] = [];
      const spies = [
        vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' '))),
        vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' '))),
        vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
          lines.push(String(c));
          return true;
        }),
      ];
      const other = await rawOpen(session);
      const server = await startBridgeServer({ session, staticDir: tempDir() });
      try {
        other.exec('BEGIN EXCLUSIVE');
        const busy = await dispatch(session, 'patients:create', {
          patient: {
            firstName: 'Zebulon',
            lastName: 'Quackenbush',
            dateOfBirth: '1939-07-07',
            sex: 'male',
            notes: 'lives alone on Quackenbush Lane',
          },
        });
        expect(busy).toMatchObject({
          ok: false,
          error: { code: 'conflict', message: expect.stringMatching(/database is busy.*Nothing was changed/) },
        });
        other.exec('ROLLBACK');
        other.close();

        // An internal failure: a table the app relies on is gone (as a damaged file would have it).
        const raw = await rawOpen(session);
        raw.exec('ALTER TABLE patients RENAME TO patients_gone');
        raw.close();
        const internal = await dispatch(session, 'patients:search', { query: 'Quackenbush' });
        expect(internal).toMatchObject({
          ok: false,
          error: { code: 'internal', message: expect.stringMatching(/reference [0-9A-F]{8}/) },
        });

        const malformed = await post(
          server.url,
          server.token,
          'patients:create',
          '{"patient":{"firstName":"Zebulon","lastName":"Quackenbush"',
        );
        expect(malformed).toMatchObject({
          ok: false,
          error: { code: 'validation', message: 'The request body is not valid JSON.' },
        });
      } finally {
        await server.close();
        await session.signOut();
        spies.forEach((s) => s.mockRestore());
      }
      const log = lines.join('\n');
      expect(log).toMatch(/\[mtm\] patients:search failed \(ref [0-9A-F]{8}\): /);
      expect(log).not.toMatch(/Quackenbush|Zebulon|1939-07-07/i);
    },
  );
});

describe('the idle lock', () => {
  it('is pushed to the screen the moment the server locks, over the event stream, and a changed idle time applies at once', async () => {
    const { session } = await newPharmacy();
    const server = await startBridgeServer({ session, staticDir: tempDir() });
    const { hostname, port } = new URL(server.url);
    const events: string[] = [];
    const req = request(
      { hostname, port, path: HTTP_EVENTS_PATH, headers: { [HTTP_TOKEN_HEADER]: server.token } },
      (res) => res.on('data', (c) => events.push(String(c))),
    );
    req.end();
    try {
      await vi.waitFor(() => expect(events.join('')).toContain(': connected'));
      expect(await dispatch(session, 'settings:update', { idleLockMinutes: 2 })).toMatchObject({ ok: true });
      await vi.waitFor(() => expect(events.join('')).toContain('"type":"settingsChanged"'));
      // Two minutes without a request, as the idle timer sees it.
      (session as unknown as { lastActivity: number }).lastActivity = Date.now() - 2 * 60_000;
      const before = Date.now();
      await vi.waitFor(
        () => expect(events.join('')).toContain('"type":"locked","reason":"idle","username":"pharmacist1"'),
        { timeout: 8000, interval: 50 },
      );
      expect(Date.now() - before).toBeLessThan(6000); // the check runs every 5 s
      expect(session.status()).toMatchObject({ user: null, locked: { username: 'pharmacist1' } });
      // The first action after unlocking works.
      await session.unlock(PASSWORD);
      expect(await dispatch(session, 'patients:search', { query: 'a' })).toMatchObject({ ok: true });
    } finally {
      req.destroy();
      await server.close();
      await session.signOut();
    }
  });
});
