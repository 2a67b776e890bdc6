// Who may call what. Each channel declares its access beside its schema (preload/channels/);
// technicians register patients and prepare work; clinical sign-off, prescriber communication, final
// documentation and billing are the pharmacist's; user administration is the administrator's.
import { CHANNELS, contract, type ChannelName, type Contract } from './contract';
import type { Requirement } from './channels/channel';
import type { SignedInUser } from './schemas/security';

export type { Requirement } from './channels/channel';

/** Who may call each channel, as the channel declares it. */
export const PERMISSIONS = Object.fromEntries(CHANNELS.map((c) => [c, contract[c].access])) as {
  readonly [C in ChannelName]: Contract[C]['access'];
};

/** The channels anyone may call, signed in or not: their handlers get no database or user. */
export type PublicChannel = { [C in ChannelName]: Contract[C]['access'] extends 'public' ? C : never }[ChannelName];

export function isAllowed(user: Pick<SignedInUser, 'role' | 'isAdmin'>, requirement: Requirement): boolean {
  switch (requirement) {
    case 'public':
    case 'signedIn':
      return true;
    case 'pharmacist':
      return user.role === 'pharmacist';
    case 'admin':
      return user.isAdmin;
  }
}

export const REQUIREMENT_WORDS: Record<Requirement, string> = {
  public: 'anyone',
  signedIn: 'signed-in staff',
  pharmacist: 'a pharmacist',
  admin: 'an administrator',
};
