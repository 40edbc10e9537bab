"use client";

import { useSyncExternalStore } from "react";
import { formatLocalTime, formatUtcTime } from "@/lib/text/format";

const subscribe = () => () => {};

/** Shows an instant in the visitor's time zone; the server (which cannot know it) renders UTC. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatLocalTime(iso, withDate),
    () => formatUtcTime(iso, withDate),
  );
  return <time dateTime={iso}>{text}</time>;
}
