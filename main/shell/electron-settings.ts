import Store from 'electron-store';
import type { Settings, SettingsShape } from '../settings/settings';

export function electronSettings(): Settings {
  const store = new Store<SettingsShape>({ name: 'settings' });
  return { get: (key) => store.get(key), set: (key, value) => store.set(key, value) };
}
