import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../preload/contract';
import { dispatch } from '../bridge/dispatch';
import type { Session } from '../security/session';

/** Registers exactly the contract's channels; only our own bundled page may call them. */
export function registerIpc(session: Session, isOwnPage: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!event.senderFrame || !isOwnPage(event.senderFrame.url)) {
        return { ok: false, error: { code: 'unauthenticated', message: 'This window may not use MTM Desk.' } };
      }
      return dispatch(session, channel, payload);
    });
  }
}
