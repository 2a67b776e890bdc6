import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_TOKEN_HEADER } from '../../preload/contract';
import { startBridgeServer, type BridgeServer } from '../../main/bridge/server';
import { Session } from '../../main/security/session';
import { tempDir } from '../helpers/temp-pharmacy';

let server: BridgeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MTM Desk</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startBridgeServer({ session: new Session(tempDir()), staticDir });
  return server;
}

/** A raw HTTP call, so the Host header and method can be anything. */
function send(url: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { hostname, port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the loopback bridge server', () => {
  it('listens on 127.0.0.1 only, with a fresh 256-bit token per run', async () => {
    const a = await start();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(a.token).toMatch(/^[0-9a-f]{64}$/);
    const first = a.token;
    await a.close();
    expect((await start()).token).not.toBe(first);
  });

  it('answers API calls only with the token', async () => {
    const s = await start();
    const call = (headers: Record<string, string>) =>
      send(s.url, {
        method: 'POST',
        path: '/api/security:status',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    const denied = await call({});
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const wrongToken = s.token.slice(0, -1) + (s.token.endsWith('0') ? '1' : '0');
    expect((await call({ [HTTP_TOKEN_HEADER]: wrongToken })).status).toBe(401);

    const ok = await call({ [HTTP_TOKEN_HEADER]: s.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      data: {
        initialized: false,
        user: null,
        pharmacyName: null,
        shared: null,
        locked: null,
        idleLockMinutes: 10,
        auditIntegrity: null,
        timeZone: expect.any(String),
      },
    });
  });

  it('rejects bad JSON, other methods, and foreign Host names (DNS rebinding)', async () => {
    const s = await start();
    const headers = { [HTTP_TOKEN_HEADER]: s.token };
    expect((await send(s.url, { method: 'POST', path: '/api/security:status', headers, body: '{nope' })).status).toBe(
      400,
    );
    expect((await send(s.url, { method: 'GET', path: '/api/security:status', headers })).status).toBe(405);
    expect(
      (
        await send(s.url, {
          method: 'POST',
          path: '/api/security:status',
          headers: { ...headers, host: 'evil.example:80' },
          body: '{}',
        })
      ).status,
    ).toBe(421);
  });

  it('serves the renderer and never a file outside it', async () => {
    const s = await start();
    expect((await send(s.url, { path: '/assets/app.js' })).body).toBe('console.log(1)');
    expect((await send(s.url, { path: '/' })).body).toContain('<title>MTM Desk</title>');
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await send(s.url, { path });
      expect(res.body, path).not.toContain('root:');
    }
  });
});
