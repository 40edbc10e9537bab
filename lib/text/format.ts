import {
  CLOCK,
  DATE_AND_CLOCK,
  localClock,
  regionOf,
  utcLocale,
  writeClock,
  writeCount,
  type ClockForm,
  type WrittenForms,
} from "./written-forms";

// Building an Intl formatter costs about as much as rendering a table row (and `toLocaleString`
// builds one on every call), so a page that shows a hundred times or counts paid for a hundred
// formatters while hydrating. One formatter per format, built on first use and kept.

/** One formatter per format and language, built on first use and kept. */
function perLocale<T>(make: (locale: string) => T): (locale?: string) => T {
  const made = new Map<string, T>();
  return (locale = "en") => {
    let f = made.get(locale);
    if (f === undefined) made.set(locale, (f = make(locale)));
    return f;
  };
}

// UTC times in English read the British way; local times the way the visitor's region writes
// English (written-forms.ts). Other languages write both in their own way.
const browserLanguage = () => globalThis.navigator?.language ?? "";
const localOf = (locale: string) => {
  const region = locale === "en" ? regionOf(browserLanguage()) : undefined;
  return region ? `en-${region}` : utcLocale(locale);
};

const NOTHING_TAUGHT: WrittenForms = { utc: null, local: null, count: null };
const taught = new Map<string, WrittenForms>();

/**
 * How a language writes times and counts, as the server learnt it from Intl (learn-written-forms.ts):
 * the site's shell teaches it on the server, and hands it to the browser with the page
 * (components/written-forms.tsx) so that both write the same text and the browser starts no Intl.
 */
export function teachWrittenForms(locale: string, forms: WrittenForms): void {
  taught.set(locale, forms);
}

const writtenForms = (locale = "en") => taught.get(locale) ?? NOTHING_TAUGHT;

// The browser's language does not change under a page: each taught language's local form is looked
// up once, not each time a page writes one.
const localForms = new WeakMap<WrittenForms, ClockForm | null>();
function localForm(forms: WrittenForms): ClockForm | null {
  let form = localForms.get(forms);
  if (form === undefined) localForms.set(forms, (form = localClock(forms, browserLanguage())));
  return form;
}

// What was not taught, or cannot be written without Intl (none of the site's languages, as
// written-forms.test.ts checks), is written by Intl.
const counts = perLocale((l) => new Intl.NumberFormat(l));
const localTime = perLocale((l) => new Intl.DateTimeFormat(localOf(l), CLOCK));
const localDateAndTime = perLocale((l) => new Intl.DateTimeFormat(localOf(l), DATE_AND_CLOCK));
const utcClock = perLocale((l) => new Intl.DateTimeFormat(utcLocale(l), { ...CLOCK, timeZone: "UTC" }));
const utcDateAndClock = perLocale((l) => new Intl.DateTimeFormat(utcLocale(l), { ...DATE_AND_CLOCK, timeZone: "UTC" }));
const utcDay = perLocale((l) => new Intl.DateTimeFormat(utcLocale(l), { dateStyle: "long", timeZone: "UTC" }));
const relative = perLocale((l) => new Intl.RelativeTimeFormat(l, { numeric: "auto", style: "short" }));

/** 12,345 (12.345 in German): counts of people, reports and incidents. */
export function formatCount(n: number, locale?: string): string {
  const form = writtenForms(locale).count;
  if (form && Number.isSafeInteger(n) && n >= 0) return writeCount(form, n);
  return counts(locale).format(n);
}

/** An instant in the visitor's own time zone and locale (browser only: the server cannot know them). */
export function formatLocalTime(iso: string, withDate = false, locale?: string): string {
  const at = new Date(iso);
  const form = localForm(writtenForms(locale));
  if (!form) return (withDate ? localDateAndTime : localTime)(locale).format(at);
  const fields = {
    year: at.getFullYear(),
    month: at.getMonth(),
    day: at.getDate(),
    hour: at.getHours(),
    minute: at.getMinutes(),
  };
  return writeClock(form, fields, withDate);
}

/** The same instant as the server renders it before the browser takes over: in UTC, said so. */
export function formatUtcTime(iso: string, withDate = false, locale?: string): string {
  const at = new Date(iso);
  const form = writtenForms(locale).utc;
  if (!form) return `${(withDate ? utcDateAndClock : utcClock)(locale).format(at)} UTC`;
  const fields = {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth(),
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
  };
  return `${writeClock(form, fields, withDate)} UTC`;
}

/** "30 November 2026": a day, in UTC, for titles and descriptions. */
export function formatUtcDay(iso: string, locale?: string): string {
  return utcDay(locale).format(new Date(iso));
}

/** "just now", "4 min ago", "2 h ago", "3 days ago": how old a reading was when the page was drawn. */
export function formatAge(ms: number, locale = "en"): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (locale !== "en") return relativeAge(minutes, locale);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** The same in another language, in its own words ("vor 4 Min.", "il y a 2 h"). */
function relativeAge(minutes: number, locale: string): string {
  const rtf = relative(locale);
  if (minutes < 60) return rtf.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? rtf.format(-hours, "hour") : rtf.format(-Math.floor(hours / 24), "day");
}
