"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ServiceSnapshot } from "@/lib/services/snapshot";

export const POLL_MS = 10_000;

interface Store {
  snapshot: ServiceSnapshot;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
}

// One store per service, shared by every live component on the page, so one poller serves them all.
const stores = new Map<string, Store>();

/** Polls may be answered from a cache a moment old: a snapshot never gives way to an older one. */
function publish(store: Store, snapshot: ServiceSnapshot): void {
  if (snapshot.generatedAt < store.snapshot.generatedAt) return;
  store.snapshot = snapshot;
  store.listeners.forEach((l) => l());
}

async function refresh(store: Store): Promise<void> {
  if (typeof document !== "undefined" && document.visibilityState === "hidden") return;
  try {
    const response = await fetch(`/api/v1/services/${store.snapshot.slug}/snapshot`, { cache: "no-store" });
    if (!response.ok) return;
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
  if (!store.timer) store.timer = setInterval(() => void refresh(store), POLL_MS);
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size === 0) {
      clearInterval(store.timer);
      stores.delete(initial.slug);
    }
  };
}

function read(initial: ServiceSnapshot): ServiceSnapshot {
  return stores.get(initial.slug)?.snapshot ?? initial;
}

/** The latest snapshot of a service, re-fetched every POLL_MS while the page is visible. */
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
