"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";
import { formatLocalTime, formatUtcTime } from "@/lib/text/format";

const subscribe = () => () => {};

/**
 * Whose clock times are shown in: the visitor's once the browser has taken over; UTC on the server
 * (which cannot know the visitor's zone) and while hydrating, so both render the same.
 */
export function useClockZone(): "local" | "utc" {
  return useSyncExternalStore(
    subscribe,
    () => "local" as const,
    () => "utc" as const,
  );
}

/** Shows an instant in the visitor's time zone; the server renders UTC, and says so. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const locale = useLocale();
  const text =
    useClockZone() === "local" ? formatLocalTime(iso, withDate, locale) : formatUtcTime(iso, withDate, locale);
  return <time dateTime={iso}>{text}</time>;
}
