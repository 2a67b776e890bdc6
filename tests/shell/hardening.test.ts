import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PAGE_CSP } from '../../main/common/page-policy';
import { APP_ORIGIN, appResponse } from '../../main/shell/app-protocol';
import { coreFileLimit, disableCoreDumps } from '../../main/shell/core-dumps';
import { bridgeHandler } from '../../main/shell/ipc-handler';
import {
  permissionCheckHandler,
  permissionRequestHandler,
  guardFrameNavigation,
  guardNavigation,
  isAllowedExternalUrl,
  isOwnPage,
  windowOpenHandler,
  windowOptions,
} from '../../main/shell/security-policy';
import { Session } from '../../main/security/session';
import { tempDir } from '../helpers/temp-pharmacy';

const ROOT = APP_ORIGIN;

/** The `key: true|false` lines of one top-level block of electron-builder.yml. */
function yamlBlock(text: string, name: string): Record<string, boolean> | undefined {
  const block = new RegExp(`^${name}:\\n((?:[ ]+.*\\n?)+)`, 'm').exec(text)?.[1];
  if (!block) return undefined;
  return Object.fromEntries(
    [...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m) => [m[1]!, m[2] === 'true']),
  );
}

describe('the Electron shell, without Electron', () => {
  it('opens windows isolated and sandboxed, with no Node in the page', () => {
    const prefs = windowOptions('/x/preload.cjs', { width: 1366, height: 900 }, true).webPreferences!;
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
      devTools: false,
    });
    // A developer's own build keeps the developer tools.
    expect(windowOptions('/x/preload.cjs', { width: 1366, height: 900 }, false).webPreferences!.devTools).toBe(true);
  });

  it('main.ts applies exactly these policies', () => {
    // Whitespace-blind: the formatter may break a call across lines.
    const main = readFileSync('main/shell/main.ts', 'utf8')
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/,? \)/g, ')');
    for (const use of [
      'new BrowserWindow(windowOptions(',
      'app.isPackaged)',
      "on('will-navigate', guardNavigation)",
      "on('will-redirect', guardNavigation)",
      "on('will-frame-navigate', guardFrameNavigation)",
      'setWindowOpenHandler(windowOpenHandler(',
      'setPermissionRequestHandler(permissionRequestHandler)',
      'setPermissionCheckHandler(permissionCheckHandler)',
      'protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])',
      'protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir))',
      'win.loadURL(APP_START_URL)',
      'if (app.isPackaged) Menu.setApplicationMenu(null)',
      'disableCoreDumps()',
      'webContents.send(SESSION_EVENT_CHANNEL, e)',
    ]) {
      expect(main, use).toContain(use);
    }
    expect(main).not.toMatch(/loadFile|file:\/\/|crashReporter/);
    expect(readFileSync('main/shell/ipc.ts', 'utf8')).toContain(
      'ipcMain.handle(channel, bridgeHandler(session, channel, isOwnPage))',
    );
  });

  it('sets the fuses in the packaged build: no Node mode, no NODE_OPTIONS or inspector, cookies encrypted, only the checked ASAR', () => {
    const config = readFileSync('electron-builder.yml', 'utf8');
    const fuses = yamlBlock(config, 'electronFuses');
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config).not.toMatch(/^asar:\s*false/m);
    // Every name is one electron-builder knows (a misspelt fuse would be ignored silently).
    const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const fuse of Object.keys(fuses!))
      expect(scheme.definitions.FuseOptionsV1.properties, fuse).toHaveProperty(fuse);
  });

  it('serves its page from app:// with the Content-Security-Policy as a header, and nothing outside the renderer', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>MTM Desk</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const page = await appResponse(`${ROOT}/index.html`, dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('<title>MTM Desk</title>');
    const script = await appResponse(`${ROOT}/assets/app.js`, dir);
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ]);
    for (const url of [
      `${ROOT}/../../../../etc/passwd`,
      `${ROOT}/%2e%2e/%2e%2e/etc/passwd`,
      `${ROOT}/..%2f..%2f..%2fetc%2fpasswd`,
      `${ROOT}/%E0%A4%A`,
      'app://other-host/index.html',
      'app://[',
    ]) {
      const res = await appResponse(url, dir);
      expect(await res.text(), url).not.toContain('root:');
    }
    expect((await appResponse('app://other-host/index.html', dir)).status).toBe(404);
    expect((await appResponse(`${ROOT}/%E0%A4%A`, dir)).status).toBe(400);
  });

  it('has a strict Content-Security-Policy, the same in the header and the page: no inline or eval script, nothing remote', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toBe(PAGE_CSP);
    const directives = Object.fromEntries(
      PAGE_CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(PAGE_CSP).not.toMatch(/unsafe-inline[^;]*;?.*script|unsafe-eval|https?:|\*/);
  });

  it.skipIf(process.platform !== 'linux')('turns core dumps off for its own process', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(disableCoreDumps(child.pid)).toBe(true);
      expect(coreFileLimit(child.pid!)).toBe('0');
      expect(readFileSync(`/proc/${child.pid}/limits`, 'utf8')).toMatch(/^Max core file size\s+0\s+0\s/m);
    } finally {
      child.kill();
    }
  });

  it('never navigates or redirects away from its own page, and frames show only its own blob: documents', () => {
    const urls = [
      [`${ROOT}/index.html#/patients`, false],
      ['https://www.cms.gov/', true],
      ['file:///etc/passwd', true],
      // Resolves inside app://, whose handler serves only the renderer folder.
      [`${ROOT}/../../../../etc/passwd`, false],
      [`${ROOT}:8080/index.html`, true],
      ['app://evil/index.html', true],
      ['app://user@mtm-desk/index.html', true],
      ['javascript:alert(1)', true],
      ['data:text/html,<script>1</script>', true],
      [`blob:${ROOT}/5d1c`, true],
    ] as const;
    for (const [url, blocked] of urls) {
      const event = { preventDefault: vi.fn() };
      guardNavigation(event, url);
      expect(event.preventDefault.mock.calls.length, url).toBe(blocked ? 1 : 0);
    }
    const frame = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      guardFrameNavigation(event);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(frame(`blob:${ROOT}/5d1c`, false)).toBe(true);
    expect(frame(`blob:${ROOT}/5d1c`, true)).toBe(false);
    expect(frame('blob:https://evil.example/5d1c', false)).toBe(false);
    expect(frame('https://evil.example/', false)).toBe(false);
    expect(frame(`${ROOT}/index.html`, true)).toBe(true);
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

  it('denies every permission request but the camera (video only) for its own page', () => {
    const answers: boolean[] = [];
    const own = `${ROOT}/index.html`;
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      permissionRequestHandler(null, p, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    // The synchronous check: the camera for our origin, nothing else.
    expect(permissionCheckHandler(null, 'media', ROOT, { mediaType: 'video' })).toBe(true);
    expect(permissionCheckHandler(null, 'media', ROOT, { mediaType: 'audio' })).toBe(false);
    expect(permissionCheckHandler(null, 'media', ROOT)).toBe(false);
    expect(permissionCheckHandler(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(permissionCheckHandler(null, 'notifications', ROOT, { mediaType: 'video' })).toBe(false);
    const ask = (permission: string, details: Parameters<typeof permissionRequestHandler>[3]) => {
      let answer: boolean | undefined;
      permissionRequestHandler(null, permission, (granted) => (answer = granted), details);
      return answer;
    };
    expect(ask('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(ask('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: own, isMainFrame: true, mediaTypes: [] })).toBe(false);
    expect(ask('media', { requestingUrl: own, isMainFrame: true })).toBe(false);
    expect(ask('media', { requestingUrl: own, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'app://evil/index.html', `blob:${own}`, ''])
      expect(ask('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] }), url).toBe(false);
    for (const p of ['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi'])
      expect(ask(p, { requestingUrl: own, isMainFrame: true, mediaTypes: ['video'] }), p).toBe(false);
  });

  it('answers IPC only from frames showing its own page', async () => {
    const handler = bridgeHandler(new Session(tempDir()), 'security:status', isOwnPage);
    const from = (url: string | undefined) =>
      handler({ senderFrame: url === undefined ? null : ({ url } as never) }, {});
    expect(await from(`${ROOT}/index.html`)).toMatchObject({ ok: true, data: { initialized: false } });
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///opt/mtm-desk/resources/app.asar/dist/renderer/index.html',
      `${ROOT}-evil/index.html`,
      'app://evil/index.html',
      undefined,
    ]) {
      expect(await from(url), String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
