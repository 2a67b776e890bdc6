import { useEffect, useRef } from 'react';
import { call } from '../api/bridge';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
// Often enough that main's own idle timer (the backstop, same minutes) never locks someone at work.
const PING_EVERY_MS = 15_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the screen after `minutes` without keyboard or mouse use. Activity is also reported to
 * main (at most every 15 seconds) so its own idle timer, the backstop, does not lock a busy user.
 */
export function useIdleLock(active: boolean, minutes: number, lock: () => void): void {
  const last = useRef(Date.now());
  const lastPing = useRef(0);
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const onActivity = () => {
      last.current = Date.now();
      if (last.current - lastPing.current > PING_EVERY_MS) {
        lastPing.current = last.current;
        call('security:activity', {}).catch(() => {});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) {
        clearInterval(timer);
        lock();
      }
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [active, minutes, lock]);
}
