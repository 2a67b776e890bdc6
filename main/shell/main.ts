// The Electron shell: window, lifecycle and IPC only. Everything else is plain Node under main/;
// the security settings applied here are defined (and tested) in security-policy.ts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session as electronSession, shell } from 'electron';
import { scheduleAutoBackup } from '../security/backup/auto-backup';
import { Session } from '../security/session';
import { defaultDataDir } from '../settings/data-dir';
import { electronSettings } from './electron-settings';
import { registerIpc } from './ipc';
import { denyAllPermissions, guardNavigation, isOwnPage, windowOpenHandler, windowOptions } from './security-policy';

const rendererRoot = pathToFileURL(join(__dirname, '..', 'renderer')).href;
const ownPage = (url: string) => isOwnPage(url, rendererRoot);

if (!app.requestSingleInstanceLock()) app.quit();

let session: Session | null = null;

function createWindow(settings: ReturnType<typeof electronSettings>): void {
  const win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), settings.get('windowBounds') ?? { width: 1366, height: 900 }));
  win.once('ready-to-show', () => win.show());
  win.on('close', () => settings.set('windowBounds', win.getBounds()));
  win.webContents.on('will-navigate', guardNavigation(rendererRoot));
  win.webContents.setWindowOpenHandler(windowOpenHandler((url) => void shell.openExternal(url)));
  void win.loadFile(join(__dirname, '..', 'renderer', 'index.html'));
}

app.whenReady().then(() => {
  electronSession.defaultSession.setPermissionRequestHandler(denyAllPermissions);
  electronSession.defaultSession.setPermissionCheckHandler(() => false);
  const settings = electronSettings();
  const dataDir = process.env.MTM_DATA_DIR ?? defaultDataDir(settings, join(app.getPath('userData'), 'data'));
  session = new Session(dataDir);
  registerIpc(session, ownPage);
  scheduleAutoBackup(session);
  createWindow(settings);
});

// Any other web contents (none are expected) get the same rules.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', guardNavigation(rendererRoot));
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
