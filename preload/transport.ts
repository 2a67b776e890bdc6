// How the bridge is reached, kept apart from the contract so plain tooling (test fixtures) can use
// it without loading every schema.
export const BRIDGE_GLOBAL = 'mtmBridge';

/** The loopback HTTP transport (browser mode): POST {HTTP_API_PREFIX}{channel} with the run's token. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_HEADER = 'x-mtm-token';
