"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Shows an instant in the visitor's time zone; the server (which cannot know it) renders UTC. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: "medium", timeStyle: "short" }
    : { hour: "2-digit", minute: "2-digit" };
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, options).format(date),
    () => `${new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date)} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
