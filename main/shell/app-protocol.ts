// The app:// protocol the window loads from, instead of file:// (which would give the page the
// file system's origin and privileges). Plain Node (the web Response class), so tests run it
// without Electron; main.ts registers it.
import { readFile } from 'node:fs/promises';
import { staticFile } from '../common/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mtm-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** A standard, secure origin of its own: fetch and the PDF preview's blob: frames work, nothing else is granted. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Answers one app:// request from the built renderer folder. */
export async function appResponse(requestUrl: string, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad address.', { status: 400 });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('Not here.', { status: 404 });
  const found = staticFile(rendererDir, url.pathname);
  if (found.status !== 200) return new Response(found.text, { status: found.status, headers: found.headers });
  return new Response(await readFile(found.file), { status: 200, headers: found.headers });
}
