// The Electron shell: window, lifecycle and IPC only. Everything else is plain Node under main/.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';
import { Session } from '../security/session';
import { defaultDataDir } from '../settings/data-dir';
import { electronSettings } from './electron-settings';
import { registerIpc } from './ipc';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererRoot = pathToFileURL(join(__dirname, '..', 'renderer')).href;
const isOwnPage = (url: string) => url.startsWith(`${rendererRoot}/`);

if (!app.requestSingleInstanceLock()) app.quit();

let session: Session | null = null;

function createWindow(settings: ReturnType<typeof electronSettings>): void {
  const bounds = settings.get('windowBounds') ?? { width: 1366, height: 900 };
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 1100,
    minHeight: 700,
    title: 'MTM Desk',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', () => settings.set('windowBounds', win.getBounds()));
  // The app never navigates away from its own page or opens windows; links outside go to the browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!isOwnPage(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(rendererIndex);
}

app.whenReady().then(() => {
  const settings = electronSettings();
  const dataDir = process.env.MTM_DATA_DIR ?? defaultDataDir(settings, join(app.getPath('userData'), 'data'));
  session = new Session(dataDir);
  registerIpc(session, isOwnPage);
  createWindow(settings);
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
