import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from './settings';

/** The data folder a user chose, else a private folder of theirs (the shell passes Electron's userData). */
export function defaultDataDir(settings: Settings, fallback = join(homedir(), 'MTM Desk', 'data')): string {
  return settings.get('dataDir') ?? fallback;
}
