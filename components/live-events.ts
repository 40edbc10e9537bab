"use client";

type Listener = (type: string, data: string) => void;

interface Stream {
  source: EventSource;
  listeners: Set<Listener>;
}

/**
 * A service's stream sends "status" events, the every-service stream "tick" events; both send
 * "resync" when the server may have missed changes (its data: a key to fetch anew with).
 */
const EVENT_TYPES = ["status", "tick", "resync"];

// One EventSource per stream, shared by every component on the page that listens to it.
const streams = new Map<string, Stream>();

export interface LiveSubscription {
  /** Whether events are arriving now; while not, the caller polls as before. */
  live(): boolean;
  close(): void;
}

/**
 * Listens to a server-sent event stream (server/front/live-events.ts). `since` (epoch ms) is when
 * the page's data was drawn: the server sends at once a change heard after it. The browser
 * reconnects by itself after a drop, sending the last event's id; where EventSource does not exist,
 * `live()` stays false and the caller's polling does the work.
 */
export function subscribeLive(path: string, since: number, onEvent: Listener): LiveSubscription {
  if (typeof EventSource === "undefined") return { live: () => false, close: () => {} };
  let stream = streams.get(path);
  if (!stream) {
    const separator = path.includes("?") ? "&" : "?";
    const created: Stream = {
      source: new EventSource(`${path}${separator}lastEventId=${Math.floor(since)}`),
      listeners: new Set(),
    };
    for (const type of EVENT_TYPES)
      created.source.addEventListener(type, (e) => created.listeners.forEach((l) => l(type, (e as MessageEvent).data)));
    streams.set(path, created);
    stream = created;
  }
  const own = stream;
  own.listeners.add(onEvent);
  return {
    live: () => own.source.readyState === EventSource.OPEN,
    close() {
      own.listeners.delete(onEvent);
      if (own.listeners.size === 0) {
        own.source.close();
        streams.delete(path);
      }
    },
  };
}
