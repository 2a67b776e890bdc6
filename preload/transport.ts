// How the bridge is reached, kept apart from the contract so plain tooling (test fixtures) can use
// it without loading every schema.
export const BRIDGE_GLOBAL = 'mtmBridge';

/** The loopback HTTP transport (browser mode): POST {HTTP_API_PREFIX}{channel} with the run's token. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_HEADER = 'x-mtm-token';

/** Electron: the preload's event door (window[EVENTS_GLOBAL].onSessionEvent) and the IPC channel under it. */
export const EVENTS_GLOBAL = 'mtmEvents';
export const SESSION_EVENT_CHANNEL = 'session:event';
/** Browser mode: GET this path (with the token) for a stream of session events. */
export const HTTP_EVENTS_PATH = `${HTTP_API_PREFIX}__events`;
