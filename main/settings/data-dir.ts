import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from './settings';

/** The data folder a user chose, else a folder in their home directory (never a shared location). */
export function defaultDataDir(settings: Settings, fallbackRoot = homedir()): string {
  return settings.get('dataDir') ?? join(fallbackRoot, 'MTM Desk', 'data');
}
