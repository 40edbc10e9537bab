"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ServiceSnapshot } from "@/lib/services/snapshot";
import { subscribeLive, type LiveSubscription } from "./live-events";

/** How often the page polls while its event stream is not open (no EventSource, or reconnecting). */
export const POLL_MS = 10_000;

interface Store {
  snapshot: ServiceSnapshot;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
  events?: LiveSubscription;
  /** A change was announced while the page was hidden: fetch it when the page is seen again. */
  missed?: string;
  onVisible?: () => void;
}

// One store per service, shared by every live component on the page, so one poller serves them all.
const stores = new Map<string, Store>();

/** Polls may be answered from a cache a moment old: a snapshot never gives way to an older one. */
function publish(store: Store, snapshot: ServiceSnapshot): void {
  if (snapshot.generatedAt < store.snapshot.generatedAt) return;
  store.snapshot = snapshot;
  store.listeners.forEach((l) => l());
}

/**
 * `tick` names the detector tick that announced a change: every page that heard it asks for the same
 * address, which the server's page cache renders once for all of them, and never from before the tick.
 */
async function refresh(store: Store, tick?: string): Promise<void> {
  if (typeof document !== "undefined" && document.visibilityState === "hidden") {
    if (tick) store.missed = tick;
    return;
  }
  try {
    const query = tick ? `?tick=${encodeURIComponent(tick)}` : "";
    const response = await fetch(`/api/v1/services/${store.snapshot.slug}/snapshot${query}`, { cache: "no-store" });
    if (!response.ok) return;
    if (tick === store.missed) store.missed = undefined;
    publish(store, (await response.json()) as ServiceSnapshot);
  } catch {
    // Offline for a moment: keep showing the last snapshot and try again on the next tick.
  }
}

function storeFor(initial: ServiceSnapshot): Store {
  let store = stores.get(initial.slug);
  if (!store) {
    store = { snapshot: initial, listeners: new Set() };
    stores.set(initial.slug, store);
  }
  return store;
}

function subscribeTo(initial: ServiceSnapshot, listener: () => void): () => void {
  const store = storeFor(initial);
  store.listeners.add(listener);
  if (!store.timer) {
    // Pushed: each change the detector announces. Polled only while no event stream is open.
    store.events = subscribeLive(
      `/api/v1/services/${encodeURIComponent(initial.slug)}/events`,
      Date.parse(initial.generatedAt),
      (type, data) =>
        void refresh(store, type === "resync" ? `r${data}` : String((JSON.parse(data) as { t: number }).t)),
    );
    store.timer = setInterval(() => {
      if (!store.events?.live()) void refresh(store);
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible" && store.missed) void refresh(store, store.missed);
    };
    store.onVisible = onVisible;
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size === 0) {
      clearInterval(store.timer);
      store.events?.close();
      if (store.onVisible) document.removeEventListener("visibilitychange", store.onVisible);
      stores.delete(initial.slug);
    }
  };
}

function read(initial: ServiceSnapshot): ServiceSnapshot {
  return stores.get(initial.slug)?.snapshot ?? initial;
}

/** The latest snapshot of a service: re-fetched when the detector announces a change, or every POLL_MS without a stream. */
export function useLiveSnapshot(initial: ServiceSnapshot): ServiceSnapshot {
  const subscribe = useCallback((listener: () => void) => subscribeTo(initial, listener), [initial]);
  return useSyncExternalStore(
    subscribe,
    () => read(initial),
    () => initial,
  );
}

/** Shows a snapshot read elsewhere, e.g. the one the report form's answer brought. */
export function showSnapshot(snapshot: ServiceSnapshot): void {
  const store = stores.get(snapshot.slug);
  if (store) publish(store, snapshot);
}
