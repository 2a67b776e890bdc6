// The one handler signature, `(ctx, request)`: the dispatcher has already checked who may call and
// validated the request; the handler only does the work.
import type { DataSource } from 'typeorm';
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../preload/contract';
import type { PublicChannel } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';
import type { Session } from '../security/session';

/**
 * What every handler is given: the session, and for any channel but a public one the open database and who is signed
 * in.
 */
export interface PublicContext {
  session: Session;
}
export interface Context extends PublicContext {
  db: DataSource;
  user: SignedInUser;
}
export type ContextOf<C extends ChannelName> = C extends PublicChannel ? PublicContext : Context;
export type Handler<C extends ChannelName> = (ctx: ContextOf<C>, request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** The handlers of one capability's channels (preload/channels/<capability>.ts). */
export type HandlersOf<Channels> = { [C in keyof Channels & ChannelName]: Handler<C> };

/** For channels that answer nothing once the work is done. */
export async function done(work: Promise<unknown>): Promise<null> {
  await work;
  return null;
}
