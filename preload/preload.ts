// Runs in Electron's isolated preload world. Exposes exactly one function per contract channel
// (there is no way to invoke a channel the contract does not name) and one way to hear session
// events (lock, sign-out), validated before the page sees them.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, CHANNELS, EVENTS_GLOBAL, SESSION_EVENT_CHANNEL, type BridgeApi } from './contract';
import { sessionEventSchema, type SessionEvent } from './schemas/security';

const api = Object.fromEntries(
  CHANNELS.map((name) => [name, (request: unknown) => ipcRenderer.invoke(name, request)]),
) as BridgeApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
contextBridge.exposeInMainWorld(EVENTS_GLOBAL, {
  onSessionEvent(listener: (e: SessionEvent) => void): () => void {
    const relay = (_e: IpcRendererEvent, raw: unknown) => {
      const parsed = sessionEventSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(SESSION_EVENT_CHANNEL, relay);
    return () => ipcRenderer.off(SESSION_EVENT_CHANNEL, relay);
  },
});
