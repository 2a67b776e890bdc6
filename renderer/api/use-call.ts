import { useCallback, useEffect, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../preload/contract';
import { call } from './bridge';

/**
 * Loads one channel's answer for the screen: `data` (null while loading or after a failure),
 * `error` as a plain message, and `reload` for after a change. A stale answer for an earlier
 * request never shows under a newer one.
 */
export function useCall<C extends ChannelName>(channel: C, request: RequestOf<C>) {
  const key = JSON.stringify(request);
  const [state, setState] = useState<{ key: string; data: ResponseOf<C> | null; error: string | null }>({
    key,
    data: null,
    error: null,
  });
  const reload = useCallback(() => {
    let current = true;
    call(channel, JSON.parse(key) as RequestOf<C>).then(
      (data) => current && setState({ key, data, error: null }),
      (e: Error) => current && setState({ key, data: null, error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [channel, key]);
  useEffect(reload, [reload]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, reload };
}
