import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { bridgeHandler } from '../../main/shell/ipc-handler';
import { denyAllPermissions, guardNavigation, isAllowedExternalUrl, isOwnPage, windowOpenHandler, windowOptions } from '../../main/shell/security-policy';
import { Session } from '../../main/security/session';
import { tempDir } from '../helpers/temp-pharmacy';

const ROOT = 'file:///opt/mtm-desk/resources/app.asar/dist/renderer';

describe('the Electron shell, without Electron', () => {
  it('opens windows isolated and sandboxed, with no Node in the page', () => {
    const prefs = windowOptions('/x/preload.cjs', { width: 1366, height: 900 }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('main.ts applies exactly these policies', () => {
    const main = readFileSync('main/shell/main.ts', 'utf8');
    for (const use of ['new BrowserWindow(windowOptions(', "on('will-navigate', guardNavigation(", 'setWindowOpenHandler(windowOpenHandler(', 'setPermissionRequestHandler(denyAllPermissions)', 'setPermissionCheckHandler(() => false)']) {
      expect(main, use).toContain(use);
    }
    expect(readFileSync('main/shell/ipc.ts', 'utf8')).toContain('ipcMain.handle(channel, bridgeHandler(session, channel, isOwnPage))');
  });

  it('has a strict Content-Security-Policy: no inline or eval script, nothing remote', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;?.*script|unsafe-eval|https?:|\*/);
  });

  it('never navigates away from its own page', () => {
    const guard = guardNavigation(ROOT);
    for (const [url, blocked] of [
      [`${ROOT}/index.html#/patients`, false],
      ['https://www.cms.gov/', true],
      ['file:///etc/passwd', true],
      [`${ROOT}/../../../../etc/passwd`, true],
      ['javascript:alert(1)', true],
      ['data:text/html,<script>1</script>', true],
    ] as const) {
      const event = { preventDefault: vi.fn() };
      guard(event, url);
      expect(event.preventDefault.mock.calls.length, url).toBe(blocked ? 1 : 0);
    }
  });

  it('opens no windows, and hands only allowlisted https sites to the browser', () => {
    const opened: string[] = [];
    const handler = windowOpenHandler((u) => opened.push(u));
    const tries = [
      'https://www.cms.gov/medicare/coverage/prescription-drug-coverage-contracting/medication-therapy-management',
      'https://www.fda.gov/drugs',
      'file:///etc/passwd',
      'javascript:alert(document.cookie)',
      'http://www.cms.gov/',
      'https://www.cms.gov.evil.example/',
      'https://evil.example/?https://www.cms.gov/',
      'https://www.cms.gov@evil.example/',
      'https://user:pw@www.cms.gov/',
      'https://www.cms.gov:8443/',
      'https://xn--www-cms-gov.example/',
      'https://wwwcms.gov/',
      'not a url',
    ];
    for (const url of tries) expect(handler({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual(tries.slice(0, 2));
    expect(isAllowedExternalUrl('https://WWW.CMS.GOV/')).toBe(true);
  });

  it('denies every permission request', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) denyAllPermissions(null, p, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it('answers IPC only from frames showing its own page', async () => {
    const handler = bridgeHandler(new Session(tempDir()), 'security:status', (url) => isOwnPage(url, ROOT));
    const from = (url: string | undefined) => handler({ senderFrame: url === undefined ? null : ({ url } as never) }, {});
    expect(await from(`${ROOT}/index.html`)).toMatchObject({ ok: true, data: { initialized: false } });
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', `${ROOT}-evil/index.html`, undefined]) {
      expect(await from(url), String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
