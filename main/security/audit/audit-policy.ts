// How each bridge channel is written to the audit trail, as the channel declares it beside its
// schema (preload/channels/): a rule describing the entry, 'self' (the domain code records it) or
// 'none'. Denied calls are recorded by the dispatcher whatever the rule.
import { CHANNELS, contract, type ChannelName, type Contract } from '../../../preload/contract';
import type { AuditDescription } from '../../../preload/channels/channel';

export type Described = AuditDescription;

/**
 * Channels that only read the database (a backup copies it): recorded after they answer; every other is a change, run
 * one at a time, with its audit row in its transaction.
 */
export const READ_ONLY: ReadonlySet<ChannelName> = new Set(CHANNELS.filter((c) => contract[c].reads));

export const AUDIT_POLICY = Object.fromEntries(CHANNELS.map((c) => [c, contract[c].audit])) as {
  [C in ChannelName]: Contract[C]['audit'];
};
