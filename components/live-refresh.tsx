"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { subscribeLive } from "./live-events";

/**
 * Re-renders the server-drawn page when the detector announces a change on `events` (every
 * service's by default), at most once every `seconds`, so maps follow live data like the charts do
 * without shipping the geometry to the browser twice. Without an open event stream it polls every
 * `seconds` instead. `drawnAt` is when the server drew the page: a change announced since is fetched at once.
 */
export function LiveRefresh({
  seconds,
  drawnAt,
  events = "/api/v1/events",
}: {
  seconds: number;
  drawnAt: number;
  events?: string;
}) {
  const router = useRouter();
  useEffect(() => {
    const spacing = seconds * 1000;
    let last = Date.now();
    let pending: ReturnType<typeof setTimeout> | undefined;
    let missed = false;
    const refresh = () => {
      pending = undefined;
      if (document.visibilityState !== "visible") {
        missed = true;
        return;
      }
      missed = false;
      last = Date.now();
      router.refresh();
    };
    const announced = () => {
      if (pending) return;
      pending = setTimeout(refresh, Math.max(0, last + spacing - Date.now()));
    };
    const stream = subscribeLive(events, drawnAt, announced);
    const poll = setInterval(() => {
      if (!stream.live()) refresh();
    }, spacing);
    const onVisible = () => {
      if (missed) announced();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stream.close();
      clearInterval(poll);
      clearTimeout(pending);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, seconds, drawnAt, events]);
  return null;
}
