// Building an Intl formatter costs about as much as rendering a table row (and `toLocaleString`
// builds one on every call), so a page that shows a hundred times or counts paid for a hundred
// formatters while hydrating. One formatter per format, built on first use and kept.

const counts = new Intl.NumberFormat("en");
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** 12,345: counts of people, reports and incidents. */
export function formatCount(n: number): string {
  return counts.format(n);
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const DATE_AND_CLOCK: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** An instant in the visitor's own time zone and locale (browser only: the server cannot know them). */
export function formatLocalTime(iso: string, withDate = false): string {
  return dateTimeFormat(undefined, withDate ? DATE_AND_CLOCK : CLOCK).format(new Date(iso));
}

/** The same instant as the server renders it before the browser takes over: in UTC, said so. */
export function formatUtcTime(iso: string, withDate = false): string {
  return `${dateTimeFormat("en-GB", { ...(withDate ? DATE_AND_CLOCK : CLOCK), timeZone: "UTC" }).format(new Date(iso))} UTC`;
}

/** "30 November 2026": a day, in UTC, for titles and descriptions. */
export function formatUtcDay(iso: string): string {
  return dateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}
