import { createContext, useContext } from 'react';
import type { ChannelName } from '../../preload/contract';
import { isAllowed, PERMISSIONS } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';

/** The signed-in user, for screens that show a part only to those allowed its channel. */
export const UserContext = createContext<SignedInUser | null>(null);

export function useAllowed(channel: ChannelName): boolean {
  const user = useContext(UserContext);
  return user !== null && isAllowed(user, PERMISSIONS[channel]);
}
