// The loopback bridge: the built renderer and the contract's channels over HTTP, for the browser
// mode and for tests. Bound to 127.0.0.1; every API call must carry this run's random token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, type BridgeResult } from '../../preload/contract';
import type { Session } from '../security/session';
import { dispatch } from './dispatch';

// Room for a 16 MB fill export sent as base64; everything else is far smaller.
const MAX_BODY_BYTES = 24 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface BridgeServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: BridgeResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(c);
      // Stop keeping it, but drain the rest so the client still gets our answer.
      req.off('data', onData);
      req.resume();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBridgeServer(opts: { session: Session; staticDir: string; port?: number }): Promise<BridgeServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  let allowedHosts: string[] = [];

  const tokenOk = (req: IncomingMessage) => {
    const given = Buffer.from(String(req.headers[HTTP_TOKEN_HEADER] ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST.' } });
    if (!tokenOk(req)) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'This page is not connected to MTM Desk. Open the address printed by `npm run serve`.' } });
    let payload: unknown;
    try {
      const body = await readBody(req);
      payload = body ? JSON.parse(body) : undefined;
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, { ok: false, error: { code: 'validation', message: 'The request is larger than 24 MB.' } });
      return sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'The request body is not valid JSON.' } });
    }
    sendJson(res, 200, await dispatch(opts.session, channel, payload));
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(opts.staticDir, rel);
    if (!file.startsWith(opts.staticDir + sep) && file !== opts.staticDir) {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(opts.staticDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(500, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end('The renderer is not built: run `npm run build:renderer`.');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    // Refuse other Host names so a web page elsewhere cannot reach us by DNS rebinding.
    if (!allowedHosts.includes(String(req.headers.host))) {
      res.writeHead(421, SECURITY_HEADERS).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      handleApi(req, res, pathname.slice(HTTP_API_PREFIX.length)).catch((err) => {
        console.error('[mtm] bridge request failed:', err);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
      });
    } else serveStatic(req, res, pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
