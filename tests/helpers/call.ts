// A bridge call as the renderer makes it, throwing on refusal; free of vitest for benchmark scripts.
import { dispatch } from '../../main/bridge/dispatch';
import type { Session } from '../../main/security/session';
import type { ChannelName, RequestOf, ResponseOf } from '../../preload/contract';

export async function call<C extends ChannelName>(
  session: Session,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const r = await dispatch(session, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as ResponseOf<C>;
}
