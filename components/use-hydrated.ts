"use client";

import { startTransition, useEffect, useState } from "react";

/** Set once the page has hydrated: what mounts later (a client-side navigation) is no longer matched to server HTML. */
let pageHydrated = false;

/**
 * False on the server and while the page hydrates (so both render the same), true from just after.
 * The switch is a transition: what changes with it (local clock times, the report form's offline
 * path) re-renders in short slices between other work. Read through useSyncExternalStore, as this
 * site once did, it re-rendered every such component at once, in one blocking task after hydration
 * that held a phone's main thread for a fifth of a second on the service page.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(pageHydrated);
  useEffect(() => {
    pageHydrated = true;
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
