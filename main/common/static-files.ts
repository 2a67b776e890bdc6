// The built renderer's files, served the same way by the Electron app:// protocol and the loopback
// bridge: only files inside its folder, the right content type, and the page's policy as headers.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { PAGE_CSP } from './page-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export type StaticFile =
  | { status: 200; file: string; headers: Record<string, string> }
  | { status: 400 | 403 | 500; file?: undefined; headers: Record<string, string>; text: string };

/**
 * The file for a URL path (still percent-encoded): inside `root` or refused; any path that names
 * no file gets index.html (the app routes by the hash, so this only happens for a mistyped address).
 */
export function staticFile(root: string, pathname: string): StaticFile {
  const refuse = (status: 400 | 403 | 500, text: string): StaticFile => ({
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    text,
  });
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'Bad address.');
  }
  if (decoded.includes('\0')) return refuse(400, 'Bad address.');
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return refuse(403, 'Not here.');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return refuse(500, 'The renderer is not built: run `npm run build:renderer`.');
  const html = extname(file) === '.html';
  return {
    status: 200,
    file,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      ...(html ? { 'content-security-policy': PAGE_CSP } : {}),
    },
  };
}
