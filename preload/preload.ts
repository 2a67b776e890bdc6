// Runs in Electron's isolated preload world. Exposes exactly one function per contract channel;
// there is no way to invoke a channel the contract does not name.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, CHANNELS, type BridgeApi } from './contract';

const api = Object.fromEntries(
  CHANNELS.map((name) => [name, (request: unknown) => ipcRenderer.invoke(name, request)]),
) as BridgeApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
