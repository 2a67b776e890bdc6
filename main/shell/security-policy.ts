// The desktop shell's security settings as plain data and functions (no electron import), so
// tests can check them without an Electron binary. main.ts applies exactly these.
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** Sites the app may open in the user's browser (reference pages cited by the app); nothing else. */
export const EXTERNAL_HOSTS = ['www.cms.gov', 'www.fda.gov', 'dailymed.nlm.nih.gov', 'www.nlm.nih.gov', 'www.hhs.gov', 'cpicpgx.org'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && !url.port && (EXTERNAL_HOSTS as readonly string[]).includes(url.hostname);
}

/** True only for pages inside the bundled renderer folder (a file: URL under `rendererRoot`). */
export function isOwnPage(raw: string, rendererRoot: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // URL parsing has already resolved any ../ (also %2e%2e); file: URLs have origin "null", so compare the path.
  return url.protocol === 'file:' && `file://${url.host}${url.pathname}`.startsWith(`${rendererRoot}/`);
}

export function windowOptions(preload: string, bounds: { x?: number; y?: number; width: number; height: number }): BrowserWindowConstructorOptions {
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
      // Chromium's own PDF viewer shows the print preview of the documents main makes (blob: frames only, see the CSP).
      plugins: true,
    },
  };
}

/** No camera, microphone, notifications, geolocation…: the app needs none. */
export function denyAllPermissions(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** will-navigate: the window never leaves its own page. */
export function guardNavigation(rendererRoot: string) {
  return (event: { preventDefault(): void }, url: string) => {
    if (!isOwnPage(url, rendererRoot)) event.preventDefault();
  };
}

/** window.open and target=_blank: never a new window; allowlisted https links go to the browser. */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  };
}
