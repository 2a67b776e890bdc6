// The renderer's only door to main. In Electron the preload script provides one function per
// channel; in a browser (npm run serve) the same channels are called over loopback HTTP.
import {
  BRIDGE_GLOBAL,
  CHANNELS,
  HTTP_API_PREFIX,
  HTTP_TOKEN_HEADER,
  type BridgeApi,
  type BridgeError,
  type BridgeResult,
  type ChannelName,
  type RequestOf,
  type ResponseOf,
} from '../../preload/contract';

const TOKEN_KEY = 'mtm-bridge-token';

/** The server prints an address ending in #token=…; keep it for this tab and take it out of the address bar. */
function takeToken(): string {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;
/** The loopback server's token for this tab (browser mode only). */
export const httpToken = () => (token ??= takeToken());

function httpBridge(): BridgeApi {
  const token = httpToken();
  const post = async (channel: ChannelName, request: unknown): Promise<BridgeResult<unknown>> => {
    let res: Response;
    try {
      res = await fetch(`${HTTP_API_PREFIX}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
        body: JSON.stringify(request ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'MTM Desk is not reachable. Check that it is still running, then try again.',
        },
      };
    }
    return (await res.json()) as BridgeResult<unknown>;
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, (req: unknown) => post(c, req)])) as BridgeApi;
}

const electronBridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
/** True in a browser against `npm run serve`; false inside Electron. */
export const overHttp = !electronBridge;
const bridge: BridgeApi = electronBridge ?? httpBridge();

export class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
  }
}

export const SIGNED_OUT_EVENT = 'mtm:signed-out';

/** Calls a channel; resolves with its data or rejects with a BridgeFailure carrying the envelope. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await bridge[channel](request)) as BridgeResult<ResponseOf<C>>;
  if (result.ok) return result.data;
  // The session ended or locked behind our back (idle timer in main): let the app show why.
  if (result.error.code === 'unauthenticated' || result.error.code === 'locked')
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  throw new BridgeFailure(result.error);
}
