import { ipcMain } from 'electron';
import { CHANNELS } from '../../preload/contract';
import type { Session } from '../security/session';
import { bridgeHandler } from './ipc-handler';

/** Registers exactly the contract's channels, each checking its sender frame. */
export function registerIpc(session: Session, isOwnPage: (url: string) => boolean): void {
  for (const channel of CHANNELS) ipcMain.handle(channel, bridgeHandler(session, channel, isOwnPage));
}
