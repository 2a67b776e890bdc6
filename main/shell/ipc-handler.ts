import type { IpcMainInvokeEvent } from 'electron';
import type { BridgeResult } from '../../preload/contract';
import { dispatch } from '../bridge/dispatch';
import type { Session } from '../security/session';

/** The handler registered for one channel: it answers only frames showing our own bundled page. */
export function bridgeHandler(session: Session, channel: string, isOwnPage: (url: string) => boolean) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown): Promise<BridgeResult<unknown>> => {
    const url = event.senderFrame?.url;
    if (!url || !isOwnPage(url))
      return { ok: false, error: { code: 'forbidden', message: 'This window may not use MTM Desk.' } };
    return dispatch(session, channel, payload);
  };
}
