// The Electron shell: window, lifecycle and IPC only. Everything else is plain Node under main/;
// the security settings applied here are defined (and tested) in security-policy.ts and
// app-protocol.ts.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, protocol, session as electronSession, shell } from 'electron';
import { SESSION_EVENT_CHANNEL } from '../../preload/transport';
import { logFailure } from '../common/log';
import { scheduleAutoBackup } from '../security/backup/auto-backup';
import { Session } from '../security/session';
import { defaultDataDir } from '../settings/data-dir';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_START_URL, appResponse } from './app-protocol';
import { disableCoreDumps } from './core-dumps';
import { electronSettings } from './electron-settings';
import { registerIpc } from './ipc';
import {
  permissionCheckHandler,
  permissionRequestHandler,
  guardFrameNavigation,
  guardNavigation,
  isOwnPage,
  windowOpenHandler,
  windowOptions,
} from './security-policy';

const rendererDir = join(__dirname, '..', 'renderer');

// An unexpected error is logged as its name and message only (never the object, which can hold
// patient data); after an uncaught one the app closes the database and quits rather than go on in an unknown state.
process.on('uncaughtException', (err) => {
  logFailure('main process', err);
  app.quit();
});
process.on('unhandledRejection', (err) => logFailure('main process', err));
if (!disableCoreDumps()) logFailure('core dumps', new Error('the core-file limit could not be set to 0'));

if (!app.requestSingleInstanceLock()) app.quit();
// Must precede app ready: the page's own origin, app://mtm-desk.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let session: Session | null = null;

function createWindow(settings: ReturnType<typeof electronSettings>, s: Session): void {
  const win = new BrowserWindow(
    windowOptions(
      join(__dirname, 'preload.cjs'),
      settings.get('windowBounds') ?? { width: 1366, height: 900 },
      app.isPackaged,
    ),
  );
  win.once('ready-to-show', () => win.show());
  win.on('close', () => settings.set('windowBounds', win.getBounds()));
  // Lock, sign-out and idle changes reach the screen at once, not at its next request.
  const off = s.onEvent((e) => win.webContents.send(SESSION_EVENT_CHANNEL, e));
  win.on('closed', off);
  void win.loadURL(APP_START_URL);
}

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir));
  electronSession.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
  electronSession.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const settings = electronSettings();
  const dataDir = process.env.MTM_DATA_DIR ?? defaultDataDir(settings, join(app.getPath('userData'), 'data'));
  session = new Session(dataDir);
  registerIpc(session, isOwnPage);
  scheduleAutoBackup(session);
  createWindow(settings, session);
});

// Every web contents (the window and any frame in it) gets the same rules.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', guardFrameNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler((url) => void shell.openExternal(url)));
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (e) => {
  if (!session) return;
  // Close the database (checkpointing WAL) and wipe the key before the process ends.
  const s = session;
  session = null;
  e.preventDefault();
  void s.signOut().finally(() => app.quit());
});
