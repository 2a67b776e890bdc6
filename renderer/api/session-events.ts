// What main says about the session the moment it happens (lock, sign-out, a new idle time), so the
// screen follows at once instead of at the next click. Electron: the preload's event door. Browser:
// a stream from the loopback server, reopened if it drops.
import { EVENTS_GLOBAL, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER } from '../../preload/contract';
import { sessionEventSchema, type SessionEvent } from '../../preload/schemas/security';
import { httpToken, overHttp } from './bridge';

type Listener = (e: SessionEvent) => void;
const RECONNECT_MS = 2_000;

function deliver(text: string, listener: Listener): void {
  try {
    const parsed = sessionEventSchema.safeParse(JSON.parse(text));
    if (parsed.success) listener(parsed.data);
  } catch {
    // Not an event we know: ignored.
  }
}

function streamEvents(listener: Listener): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  const open = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const res = await fetch(HTTP_EVENTS_PATH, {
          headers: { [HTTP_TOKEN_HEADER]: httpToken() },
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const blocks = buffer.split('\n\n');
          buffer = blocks.pop() ?? '';
          for (const block of blocks)
            for (const line of block.split('\n')) if (line.startsWith('data: ')) deliver(line.slice(6), listener);
        }
      } catch {
        // Dropped (server restarting, tab asleep): try again shortly.
      }
      if (!stopped) await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
  };
  void open();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Calls `listener` for each session event; returns the unsubscribe. */
export function onSessionEvent(listener: Listener): () => void {
  if (!overHttp) {
    const door = (window as unknown as Record<string, { onSessionEvent(l: Listener): () => void } | undefined>)[
      EVENTS_GLOBAL
    ];
    return door ? door.onSessionEvent(listener) : () => {};
  }
  return streamEvents(listener);
}
