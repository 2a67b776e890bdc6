import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordVersion } from '../../preload/schemas/fields';
import { BridgeFailure } from '../api/bridge';

/** What a record needs for the check: its version, and when and by whom it was last saved. */
export type LiveRecord = RecordVersion;

export interface LiveRecordOptions<T extends LiveRecord> {
  /** The record as this screen holds it now (a getter, so a save that just finished is seen before React renders). */
  current: () => T | null;
  /** Its version now in the database: cheap, unaudited, asked every few seconds. */
  version: () => Promise<RecordVersion>;
  /** Reads the record again from the database (only when its version went up). */
  read: () => Promise<T>;
  /** True while one of this screen's own saves is queued or running: a newer version then may be its own. */
  busy?: () => boolean;
  /** Hands a newer record to the screen; false when nothing the person sees changed (no notice then). */
  apply: (fresh: T) => boolean | void;
}

export interface LiveRecordState {
  /** The plain-language notice to show in a polite live region, or null. */
  notice: string | null;
  dismiss: () => void;
}

/** How often an open, visible record screen looks for saves made elsewhere. */
const EVERY_MS = 5_000;

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "Updated from another workstation: Lee Ambrose saved changes at 10:42 AM. You now see them." */
function updatedNotice(fresh: LiveRecord): string {
  return `Updated from another workstation: ${fresh.updatedBy} saved changes at ${timeOf(fresh.updatedAt)}. You now see them.`;
}

/** A refusal because the session is locked or signed out: the app shows its own screen for that, the check stays quiet. */
const endedSession = (e: unknown) =>
  e instanceof BridgeFailure && (e.error.code === 'locked' || e.error.code === 'unauthenticated');

/**
 * Keeps an open record screen up to date with saves made on other workstations sharing the database: it reads the
 * version again every few seconds (and when the window comes back into view or regains focus) and, when it
 * went up and none of this screen's own saves is under way, hands the newer record to the screen with a notice.
 * Nothing is read while the window is hidden; the checks stop when the screen closes (the app closes every screen
 * when it locks) and after a refusal because the session is locked or signed out, which stays quiet.
 */
export function useLiveRecord<T extends LiveRecord>(options: LiveRecordOptions<T>): LiveRecordState {
  const opts = useRef(options);
  opts.current = options;
  const [notice, setNotice] = useState<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);

  const check = useCallback((): Promise<void> => {
    if (stopped.current) return Promise.resolve();
    if (inFlight.current) return inFlight.current;
    const done = (async () => {
      try {
        // Only a newer version, and never while this screen's own save may be the one that made it.
        const stale = (v: RecordVersion) => {
          const shown = opts.current.current();
          return !stopped.current && shown !== null && v.version > shown.version && !opts.current.busy?.();
        };
        if (!stale(await opts.current.version())) return;
        const fresh = await opts.current.read();
        if (stale(fresh) && opts.current.apply(fresh) !== false) setNotice(updatedNotice(fresh));
      } catch (e) {
        // Locked or signed out: the app already shows the lock or sign-in screen and closes this one.
        if (endedSession(e)) stopped.current = true;
        // Any other failure (the server unreachable for a moment): the next check tries again, without a word.
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = done;
    return done;
  }, []);

  useEffect(() => {
    stopped.current = false;
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) void check();
    }, EVERY_MS);
    const onShow = () => {
      if (visible()) void check();
    };
    document.addEventListener('visibilitychange', onShow);
    window.addEventListener('focus', onShow);
    return () => {
      stopped.current = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
      window.removeEventListener('focus', onShow);
    };
  }, [check]);

  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, dismiss };
}
