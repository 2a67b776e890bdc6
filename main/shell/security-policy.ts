// The desktop shell's security settings as plain data and functions (no electron import), so
// tests can check them without an Electron binary. main.ts applies exactly these.
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Sites the app may open in the user's browser (reference pages cited by the app); nothing else. */
export const EXTERNAL_HOSTS = [
  'www.cms.gov',
  'www.fda.gov',
  'dailymed.nlm.nih.gov',
  'www.nlm.nih.gov',
  'www.hhs.gov',
  'cpicpgx.org',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    !url.username &&
    !url.password &&
    !url.port &&
    (EXTERNAL_HOSTS as readonly string[]).includes(url.hostname)
  );
}

/** True only for the app's own page: the app:// origin (nothing on file:, http: or anywhere else). */
export function isOwnPage(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && !url.port;
}

/** A frame may show our page or a blob: the page itself made (the PDF preview); nothing else. */
export function isOwnFrame(raw: string): boolean {
  return isOwnPage(raw) || (raw.startsWith('blob:') && isOwnPage(raw.slice('blob:'.length)));
}

/** `packaged`: an installed build — no developer tools (a way into the page and its patient data). */
export function windowOptions(
  preload: string,
  bounds: { x?: number; y?: number; width: number; height: number },
  packaged: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1100,
    minHeight: 700,
    title: 'MTM Desk',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
      // Chromium's own PDF viewer shows the print preview of the documents main makes (blob: frames only, see the CSP).
      plugins: true,
    },
  };
}

/** What Electron tells a permission request handler about a media request (the fields read here). */
export interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ('video' | 'audio')[];
}

/**
 * The camera, for reading bottle barcodes on the workstation, when the app's own page asks for video alone; no
 * microphone, notifications, geolocation, clipboard… (the app needs none).
 */
export function permissionRequestHandler(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: PermissionDetails,
): void {
  const types = details?.mediaTypes ?? [];
  const cameraOnly =
    permission === 'media' &&
    types.length > 0 &&
    types.every((t) => t === 'video') &&
    details?.isMainFrame !== false &&
    isOwnPage(details?.requestingUrl ?? '');
  callback(cameraOnly);
}

/**
 * The synchronous check Chromium makes before listing cameras or asking: the same rule — the camera (video) for our
 * own page, nothing else.
 */
export function permissionCheckHandler(
  _webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details?: { mediaType?: string },
): boolean {
  return permission === 'media' && details?.mediaType === 'video' && isOwnPage(`${requestingOrigin}/`);
}

/** will-navigate and will-redirect: the window never leaves its own page. */
export function guardNavigation(event: { preventDefault(): void }, url: string): void {
  if (!isOwnPage(url)) event.preventDefault();
}

/** will-frame-navigate: frames (main or sub) show our page or its own blob: documents only. */
export function guardFrameNavigation(event: { url: string; isMainFrame: boolean; preventDefault(): void }): void {
  if (!(event.isMainFrame ? isOwnPage(event.url) : isOwnFrame(event.url))) event.preventDefault();
}

/** window.open and target=_blank: never a new window; allowlisted https links go to the browser. */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  };
}
