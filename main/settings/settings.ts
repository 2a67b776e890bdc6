// Non-secret preferences (data folder, window bounds). The Electron shell keeps them with
// electron-store; plain Node (server, CLI) with conf, its engine, since electron-store needs electron.
import Conf from 'conf';

export interface SettingsShape {
  dataDir?: string;
  windowBounds?: { x?: number; y?: number; width: number; height: number };
}

export interface Settings {
  get<K extends keyof SettingsShape>(key: K): SettingsShape[K];
  set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): void;
}

export function confSettings(cwd?: string): Settings {
  const conf = new Conf<SettingsShape>({ projectName: 'mtm-desk', ...(cwd ? { cwd } : {}) });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  };
}
