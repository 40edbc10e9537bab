// Building an Intl formatter costs about as much as rendering a table row (and `toLocaleString`
// builds one on every call), so a page that shows a hundred times or counts paid for a hundred
// formatters while hydrating. One formatter per format, built on first use and kept.

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const DATE_AND_CLOCK: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

const counts = once(() => new Intl.NumberFormat("en"));
const localClock = once(() => new Intl.DateTimeFormat(undefined, CLOCK));
const localDateAndClock = once(() => new Intl.DateTimeFormat(undefined, DATE_AND_CLOCK));
const utcClock = once(() => new Intl.DateTimeFormat("en-GB", { ...CLOCK, timeZone: "UTC" }));
const utcDateAndClock = once(() => new Intl.DateTimeFormat("en-GB", { ...DATE_AND_CLOCK, timeZone: "UTC" }));
const utcDay = once(() => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }));

/** 12,345: counts of people, reports and incidents. */
export function formatCount(n: number): string {
  return counts().format(n);
}

/** An instant in the visitor's own time zone and locale (browser only: the server cannot know them). */
export function formatLocalTime(iso: string, withDate = false): string {
  return (withDate ? localDateAndClock : localClock)().format(new Date(iso));
}

/** The same instant as the server renders it before the browser takes over: in UTC, said so. */
export function formatUtcTime(iso: string, withDate = false): string {
  return `${(withDate ? utcDateAndClock : utcClock)().format(new Date(iso))} UTC`;
}

/** "30 November 2026": a day, in UTC, for titles and descriptions. */
export function formatUtcDay(iso: string): string {
  return utcDay().format(new Date(iso));
}

/** "just now", "4 min ago", "2 h ago", "3 days ago": how old a reading was when the page was drawn. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
