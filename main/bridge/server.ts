// The loopback bridge: the built renderer and the contract's channels over HTTP, for the browser
// mode and for tests. Bound to 127.0.0.1; every API call must carry this run's random token and
// come from the app's own origin. Any request, however malformed, gets an answer and the server
// stays up: nothing a web page can send (an <img> with a broken URL) reaches an unhandled throw.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, type BridgeResult } from '../../preload/contract';
import { logFailure } from '../common/log';
import { SECURITY_HEADERS, staticFile } from '../common/static-files';
import type { SessionEvent } from '../../preload/schemas/security';
import type { Session } from '../security/session';
import { dispatch } from './dispatch';

// Room for a 16 MB fill export sent as base64; everything else is far smaller.
const MAX_BODY_BYTES = 24 * 1024 * 1024;

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

export async function startBridgeServer(opts: {
  session: Session;
  staticDir: string;
  port?: number;
}): Promise<BridgeServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  let allowedHosts: string[] = [];

  const tokenOk = (req: IncomingMessage) => {
    const given = Buffer.from(String(req.headers[HTTP_TOKEN_HEADER] ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  let allowedOrigins: string[] = [];
  /**
   * A browser says where a request comes from; only the app's own page may call (a valid token from elsewhere is
   * refused too).
   */
  const originOk = (req: IncomingMessage) =>
    req.headers.origin === undefined || allowedOrigins.includes(String(req.headers.origin));
  const refuse = (res: ServerResponse) =>
    sendJson(res, 401, {
      ok: false,
      error: {
        code: 'unauthenticated',
        message: 'This page is not connected to MTM Desk. Open the address printed by `npm run serve`.',
      },
    });

  function streamEvents(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (e: SessionEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
    const off = opts.session.onEvent(send);
    // A comment now and then keeps proxies and the page's reader from timing the stream out.
    const beat = setInterval(() => res.write(': \n\n'), 25_000);
    req.on('close', () => {
      off();
      clearInterval(beat);
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (!tokenOk(req) || !originOk(req)) return refuse(res);
    if (req.method === 'GET' && channel === HTTP_EVENTS_PATH.slice(HTTP_API_PREFIX.length))
      return streamEvents(req, res);
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST.' } });
    let payload: unknown;
    try {
      const body = await readBody(req);
      payload = body ? JSON.parse(body) : undefined;
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'validation', message: 'The request is larger than 24 MB.' },
        });
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'validation', message: 'The request body is not valid JSON.' },
      });
    }
    sendJson(res, 200, await dispatch(opts.session, channel, payload));
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const found = staticFile(opts.staticDir, pathname);
    if (found.status !== 200) {
      res.writeHead(found.status, found.headers).end(found.text);
      return;
    }
    res.writeHead(200, found.headers);
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  /** The path of an origin-form request target ("/api/x?y"); null for anything else ("http://[", "*", "%E0%A4%A"). */
  function pathOf(target: string | undefined): string | null {
    if (!target?.startsWith('/') || target.startsWith('//')) return null;
    try {
      return new URL(target, 'http://127.0.0.1').pathname;
    } catch {
      return null;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    // Refuse other Host names so a web page elsewhere cannot reach us by DNS rebinding.
    if (!allowedHosts.includes(String(req.headers.host))) {
      res.writeHead(421, SECURITY_HEADERS).end();
      return;
    }
    const pathname = pathOf(req.url);
    if (pathname === null) {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      handleApi(req, res, pathname.slice(HTTP_API_PREFIX.length)).catch((err) => {
        const ref = logFailure('bridge request', err);
        if (!res.headersSent)
          sendJson(res, 500, {
            ok: false,
            error: { code: 'internal', message: `The request failed (reference ${ref}).` },
          });
        else res.destroy();
      });
    } else serveStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    res.on('error', () => res.destroy());
    try {
      handle(req, res);
    } catch (err) {
      logFailure('bridge request', err);
      if (!res.headersSent) res.writeHead(400, SECURITY_HEADERS);
      res.end();
    }
  });
  // A CONNECT (proxy tunnel) or an Upgrade is no request of ours: answered, never left hanging.
  const notHere = (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  };
  server.on('connect', notHere);
  server.on('upgrade', notHere);
  // Malformed HTTP (bad request line, oversized headers): answer 400 and close, never throw.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  allowedOrigins = allowedHosts.map((h) => `http://${h}`);
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
