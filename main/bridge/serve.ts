// `npm run serve`: MTM Desk in a browser on this computer, without Electron.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../settings/data-dir';
import { confSettings } from '../settings/settings';
import { Session } from '../security/session';
import { scheduleAutoBackup } from '../security/backup/auto-backup';
import { startBridgeServer } from './server';

const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } } });
const dataDir = resolve(values.data ?? process.env.MTM_DATA_DIR ?? defaultDataDir(confSettings()));
const session = new Session(dataDir);
const server = await startBridgeServer({
  session,
  staticDir: resolve(import.meta.dirname, '../../dist/renderer'),
  port: values.port ? Number(values.port) : 0,
});
const stopBackups = scheduleAutoBackup(session);
console.log(`MTM Desk data folder: ${dataDir}`);
console.log(`MTM Desk is running. Open this address in Chromium or Chrome on this computer:`);
console.log(`${server.url}#token=${server.token}`);

async function stop() {
  stopBackups();
  await session.signOut();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
