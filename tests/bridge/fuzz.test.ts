import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, HTTP_TOKEN_HEADER } from '../../preload/contract';
import { startBridgeServer, type BridgeServer } from '../../main/bridge/server';
import type { Row } from '../../main/db/rows';
import { all, one, sql } from '../../main/db/sql';
import type { Session } from '../../main/security/session';
import { newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const HUGE = 'x'.repeat(300_000);
const DATA_TABLES = [
  'pharmacy',
  'users',
  'patients',
  'patient_allergies',
  'app_settings',
  'fills',
  'fill_imports',
  'patient_medications',
  'mtm_enrollments',
  'mtm_criteria',
  'rxn_concepts',
  'check_dismissals',
  'patient_genotypes',
  'drug_therapy_problems',
  'reviews',
  'review_reconciliation',
  'review_recommendations',
  'review_communications',
  'review_addenda',
  'map_phrases',
  'billing_provider',
  'billing_pharmacists',
  'payers',
  'claims',
  'claim_batches',
  'adherence_outreach',
];

const count = async (session: Session, table: string) =>
  (await one<{ n: number }>(session.current().db, sql`SELECT count(*) AS n FROM ${sql.identifiers(table)}`))!.n;
const counts = (session: Session) => Promise.all(DATA_TABLES.map((t) => count(session, t)));
const auditCount = (session: Session) => count(session, 'audit_log');

/** Malformed payloads of every kind: wrong types, missing fields, huge strings, prototype pollution. */
function payloads(): unknown[] {
  const wrongTypes = [
    null,
    0,
    -1,
    1e308,
    true,
    'text',
    [],
    [{}],
    { query: [] },
    { id: 42 },
    { patient: 'x' },
    { filter: null },
    { folder: { path: '/' } },
  ];
  const huge = [
    { query: HUGE },
    { id: HUGE },
    { username: HUGE, password: HUGE },
    { patient: { firstName: HUGE, lastName: 'A', dateOfBirth: '1950-01-01', sex: 'male' } },
    {
      patient: {
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: '1950-01-01',
        sex: 'male',
        allergies: Array.from({ length: 500 }, () => ({ substance: 'x' })),
      },
    },
    { filter: { patient: HUGE } },
    { folder: HUGE },
  ];
  const pollution = [
    JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse(
      '{"patient": {"__proto__": {"polluted": true}, "firstName": "A", "lastName": "B", "dateOfBirth": "1950-01-01", "sex": "male"}}',
    ),
    JSON.parse('{"filter": {"__proto__": {"sort": "id; DROP TABLE audit_log"}}}'),
  ];
  const missing = [{ patient: {} }, { id: null }, { filter: { sort: 'nonexistent' } }, { version: 1 }];
  return [...wrongTypes, ...huge, ...pollution, ...missing];
}

describe('fuzzing the bridge over HTTP', () => {
  it('rejects every malformed payload on every channel, writes nothing, stays unpolluted and keeps serving', async () => {
    const { session } = await newPharmacy();
    const server = await startBridgeServer({ session, staticDir: tempDir() });
    const post = (channel: string, body: string) =>
      fetch(`${server.url}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: server.token },
        body,
      });
    const before = await counts(session);
    const auditBefore = await auditCount(session);

    let sent = 0;
    for (const channel of CHANNELS) {
      for (const p of payloads()) {
        const res = await post(channel, JSON.stringify(p));
        const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        sent++;
        // Empty-request channels (status, lock, …) ignore nothing: unknown keys are refused too.
        expect(body.ok, `${channel} ${JSON.stringify(p).slice(0, 80)}`).toBe(false);
        expect(body.error!.code, `${channel} ${JSON.stringify(p).slice(0, 80)}`).toBe('validation');
        expect(body.error!.message).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      }
    }
    const tooBig = await post('patients:search', JSON.stringify({ query: 'x'.repeat(25 * 1024 * 1024) }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The request is larger than 24 MB.' },
    });

    expect(sent).toBe(CHANNELS.length * payloads().length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(await counts(session)).toEqual(before);
    // Each refusal is in the audit trail, and nothing else is.
    const added = await all<Pick<Row<'audit_log'>, 'outcome' | 'detail'>>(
      session.current().db,
      sql`SELECT outcome, detail FROM audit_log WHERE id > ${auditBefore}`,
    );
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((r) => r.outcome !== 'failure' || !r.detail?.startsWith('malformed request'))).toEqual([]);
    const alive = await post('security:status', '{}');
    expect(await alive.json()).toMatchObject({ ok: true, data: { user: { username: 'pharmacist1' } } });
    await server.close();
    await session.signOut();
  });
});

// ---- Raw HTTP: request lines, headers and bodies no browser would send -------------------------

/** A small seeded generator, so a failure names the request that caused it and can be replayed. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Array.from({ length: n }, () => int(256));
  return { int, pick, bytes, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

function randomPath(r: Random, channel: string): string {
  const percent = () =>
    r
      .bytes(1 + r.int(6))
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  return r.pick([
    () => '/%E0%A4%A',
    () => 'http://[',
    () => `http://evil.example/api/${channel}`,
    () => '*',
    () => `//${channel}`,
    () => `/api/${channel}${percent()}`,
    () => `/api/${percent()}`,
    () => `/${percent()}/${percent()}`,
    () => `/%${r.pick(['', 'G', 'Z1', 'E0%A4', 'C0%AF'])}`,
    () => `/api/${channel}?${percent()}=${percent()}#${percent()}`,
    () => `/api/../${'../'.repeat(r.int(8))}etc/passwd`,
    () => `/assets/${'a'.repeat(1 + r.int(8000))}`,
    () => `/api/${'%00'.repeat(1 + r.int(4))}${channel}`,
    () => `/api/${channel}/${String.fromCharCode(...r.bytes(4).map((b) => 0x21 + (b % 90)))}`,
    () => `/api/${channel}`,
  ])();
}

/** Bodies that are never a valid request: broken JSON, JSON that is not an object, pollution, bytes. */
function randomBody(r: Random): string {
  return r.pick([
    () => '{',
    () => '{"a":',
    () => String(r.int(1e9)),
    () => JSON.stringify(r.pick(['text', null, true, [], [1, 2], -0.5])),
    () => '{"__proto__":{"isAdmin":true}}'.slice(0, 10 + r.int(20)),
    () => Buffer.from(r.bytes(1 + r.int(2000))).toString('latin1'),
    () => `[${'['.repeat(r.int(5000))}`,
    () => '\uFEFF{}garbage',
  ])();
}

interface Fuzzed {
  raw: string;
  label: string;
}

function randomRequest(r: Random, server: BridgeServer, withToken: boolean): Fuzzed {
  const channel = r.pick(CHANNELS);
  const method = r.pick([
    'GET',
    'POST',
    'POST',
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
    'HEAD',
    'TRACE',
    'CONNECT',
    'PATCH',
    'BREW',
    'G\u00c9T',
  ]);
  const path = randomPath(r, channel);
  const port = new URL(server.url).port;
  const host = r.pick([
    `127.0.0.1:${port}`,
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    'evil.example',
    `127.0.0.1:${port}.evil.example`,
    '',
    null,
  ]);
  const origin = r.pick([
    undefined,
    undefined,
    `http://127.0.0.1:${port}`,
    'https://evil.example',
    'null',
    `http://127.0.0.1:${Number(port) + 1}`,
  ]);
  const body = method === 'GET' || method === 'HEAD' ? (r.chance(0.2) ? randomBody(r) : '') : randomBody(r);
  const headers: string[] = [];
  if (host !== null) headers.push(`Host: ${host}`);
  if (origin) headers.push(`Origin: ${origin}`);
  if (withToken)
    headers.push(
      `${HTTP_TOKEN_HEADER}: ${r.chance(0.85) ? server.token : r.pick(['', server.token.slice(1), server.token.toUpperCase(), `${server.token}0`])}`,
    );
  headers.push(
    `Content-Type: ${r.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', '\u00ff'])}`,
  );
  if (r.chance(0.1)) headers.push(`X-${'a'.repeat(1 + r.int(30))}: ${'b'.repeat(r.int(20_000))}`);
  if (r.chance(0.05)) headers.push('Transfer-Encoding: chunked, gzip');
  if (r.chance(0.05)) headers.push('Content-Length: -1');
  else headers.push(`Content-Length: ${Buffer.byteLength(body, 'latin1')}`);
  headers.push('Connection: close');
  const line = r.chance(0.03) ? `${method} ${path}` : `${method} ${path} HTTP/1.1`;
  return {
    raw: `${line}\r\n${headers.join('\r\n')}\r\n\r\n${body}`,
    label: `${method} ${path.slice(0, 80)} host=${host} origin=${origin}`,
  };
}

/** Sends the bytes as they are and returns the status the server answered with (0: no answer). */
function sendRaw(url: string, raw: string): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let head = '';
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0));
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (c) => {
      head += c.toString('latin1');
      if (head.length > 12) socket.destroy();
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(raw, 'latin1');
  });
}

async function fuzz(
  server: BridgeServer,
  seed: number,
  count: number,
  withToken: boolean,
): Promise<{ sent: number; statuses: Map<number, number>; serverErrors: string[] }> {
  const r = random(seed);
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];
  const requests = Array.from({ length: count }, () => randomRequest(r, server, withToken));
  for (let i = 0; i < requests.length; i += 25) {
    const batch = requests.slice(i, i + 25);
    const got = await Promise.all(batch.map((q) => sendRaw(server.url, q.raw)));
    got.forEach((status, j) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 0 || status >= 500) serverErrors.push(`${status} ${batch[j]!.label}`);
    });
  }
  return { sent: requests.length, statuses, serverErrors };
}

describe('fuzzing the bridge with raw HTTP', () => {
  it('answers thousands of random requests (no token, then with one) with 4xx or a refusal, never falls over, and writes nothing', async () => {
    const { session } = await newPharmacy();
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MTM Desk</title>');
    const server = await startBridgeServer({ session, staticDir });
    const before = await counts(session);
    const auditBefore = await auditCount(session);

    const anonymous = await fuzz(server, 16, 2500, false);
    expect(anonymous.serverErrors).toEqual([]);
    // Without the token nothing reaches the dispatcher: not even an audit row.
    expect(await auditCount(session)).toBe(auditBefore);

    const tokened = await fuzz(server, 61, 2500, true);
    expect(tokened.serverErrors).toEqual([]);
    expect(await counts(session)).toEqual(before);
    const added = await all<Pick<Row<'audit_log'>, 'outcome' | 'detail'>>(
      session.current().db,
      sql`SELECT outcome, detail FROM audit_log WHERE id > ${auditBefore}`,
    );
    expect(added.filter((a) => a.outcome !== 'failure')).toEqual([]);

    const summary = [...anonymous.statuses, ...tokened.statuses].reduce<Record<string, number>>(
      (acc, [k, v]) => ({ ...acc, [k]: (acc[k] ?? 0) + v }),
      {},
    );
    console.info(
      `bridge fuzz: ${anonymous.sent + tokened.sent} raw requests, answers by status ${JSON.stringify(summary)}`,
    );

    const alive = await fetch(`${server.url}api/security:status`, {
      method: 'POST',
      headers: { [HTTP_TOKEN_HEADER]: server.token },
      body: '{}',
    });
    expect(await alive.json()).toMatchObject({ ok: true, data: { user: { username: 'pharmacist1' } } });
    await server.close();
    await session.signOut();
  }, 120_000);

  it('refuses a foreign Origin even with the right token', async () => {
    const { session } = await newPharmacy();
    const server = await startBridgeServer({ session, staticDir: tempDir() });
    const call = (origin?: string) =>
      fetch(`${server.url}api/patients:search`, {
        method: 'POST',
        headers: { [HTTP_TOKEN_HEADER]: server.token, ...(origin ? { origin } : {}) },
        body: '{"query":"a"}',
      });
    for (const origin of [
      'https://evil.example',
      'null',
      'http://127.0.0.1:1',
      `${server.url.replace('127.0.0.1', 'localhost.evil.example')}`.slice(0, -1),
    ]) {
      const res = await call(origin);
      expect(res.status, origin).toBe(401);
    }
    expect((await call(server.url.slice(0, -1))).status).toBe(200);
    expect((await call()).status).toBe(200);
    await server.close();
    await session.signOut();
  });
});
