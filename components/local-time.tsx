"use client";

import { useLocale } from "next-intl";
import { formatLocalTime, formatUtcTime } from "@/lib/text/format";
import { useHydrated } from "./use-hydrated";

/**
 * Whose clock times are shown in: the visitor's once the browser has taken over; UTC on the server
 * (which cannot know the visitor's zone) and while hydrating, so both render the same.
 */
export function useClockZone(): "local" | "utc" {
  return useHydrated() ? "local" : "utc";
}

/** Shows an instant in the visitor's time zone; the server renders UTC, and says so. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const locale = useLocale();
  const text =
    useClockZone() === "local" ? formatLocalTime(iso, withDate, locale) : formatUtcTime(iso, withDate, locale);
  return <time dateTime={iso}>{text}</time>;
}
