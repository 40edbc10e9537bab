// The first Intl.DateTimeFormat or NumberFormat a browser builds starts ICU: 35–67 ms of one task
// on this machine's Chromium, four times that on the phone Lighthouse simulates. A service page
// needed Intl for nothing else than its clock times and counts, and a language writes those the
// same way every time. So the server, whose Intl has started long ago, learns each language's way
// once (the order of the fields, the literals between them, month names, day periods, the digit
// grouping) and the browser fills those in from Date's getters and plain arithmetic.
//
// What is learnt is checked against Intl itself, over years of instants and a range of numbers,
// for every language the site speaks (written-forms.test.ts).

type ClockField = "year" | "month" | "day" | "hour" | "minute" | "dayPeriod";
/** A literal, or a field and whether it is written with two digits. */
type Part = string | { field: ClockField; pad: boolean };

export interface ClockForm {
  /** "14:05", "02:05 PM": a time of day. */
  time: Part[];
  /** "7 Dec 2026, 14:05": a date with a time of day. */
  dateTime: Part[];
  /** Short month names as the date writes them ("Dec", "déc."), or null if it writes a number. */
  months: string[] | null;
  /** The words for before and after noon, when the clock has twelve hours. */
  dayPeriods: [string, string] | null;
  hourCycle: "h11" | "h12" | "h23" | "h24";
}

export interface CountForm {
  group: string;
  /** Digits in the group nearest the end, and in the groups before it (3 and 2 in Hindi: 12,34,567). */
  primary: number;
  secondary: number;
  /** The fewest digits a number has before it is grouped (Spanish writes 1234 but 12.345). */
  minDigits: number;
}

/** The fields of an instant as a clock in some zone reads them (month from 0). */
export interface ClockFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The two ways the site writes a time: a time of day, and a date with one. */
export const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
export const DATE_AND_CLOCK: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** The language UTC times are written in: English the British way, others their own. */
export const utcLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);
/** 3 February 2001, 04:05 UTC: no field of it reads the same as another, or the same padded and not. */
const PROBE = { year: 2001, month: 1, day: 3, hour: 4, minute: 5 };
const AFTERNOON = 16;

const utcAt = (f: ClockFields) => Date.UTC(f.year, f.month, f.day, f.hour, f.minute);
const ASCII_DIGITS = /^\d+$/;

/** The parts of one format, or null if it uses something this file does not write (an era, other digits). */
function learnParts(format: Intl.DateTimeFormat): Part[] | null {
  const parts: Part[] = [];
  for (const { type, value } of format.formatToParts(utcAt(PROBE))) {
    if (type === "literal") {
      const last = parts.length - 1;
      if (typeof parts[last] === "string") parts[last] += value;
      else parts.push(value);
    } else if (type === "dayPeriod") {
      parts.push({ field: "dayPeriod", pad: false });
    } else if (type === "month" && !ASCII_DIGITS.test(value)) {
      parts.push({ field: "month", pad: false });
    } else if (type === "year" || type === "month" || type === "day" || type === "hour" || type === "minute") {
      if (!ASCII_DIGITS.test(value)) return null;
      if (type === "year" && value !== String(PROBE.year)) return null;
      parts.push({ field: type, pad: value.length === 2 && value.startsWith("0") });
    } else {
      return null;
    }
  }
  return parts;
}

const partOf = (format: Intl.DateTimeFormat, at: ClockFields, type: Intl.DateTimeFormatPartTypes) =>
  format.formatToParts(utcAt(at)).find((p) => p.type === type)?.value;

/** How `locale` writes clock times, learnt from Intl; null if it cannot be written without it. */
export function learnClock(locale: string): ClockForm | null {
  const time = new Intl.DateTimeFormat(locale, { ...CLOCK, timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { ...DATE_AND_CLOCK, timeZone: "UTC" });
  const timeParts = learnParts(time);
  const dateTimeParts = learnParts(dateTime);
  if (!timeParts || !dateTimeParts) return null;
  const hourCycle = time.resolvedOptions().hourCycle;
  if (!hourCycle || hourCycle !== dateTime.resolvedOptions().hourCycle) return null;
  const months = !ASCII_DIGITS.test(partOf(dateTime, PROBE, "month") ?? "1")
    ? Array.from({ length: 12 }, (_, month) => partOf(dateTime, { ...PROBE, month }, "month") ?? "")
    : null;
  const twelve = hourCycle === "h11" || hourCycle === "h12";
  const dayPeriods: [string, string] | null = twelve
    ? [partOf(time, PROBE, "dayPeriod") ?? "", partOf(time, { ...PROBE, hour: AFTERNOON }, "dayPeriod") ?? ""]
    : null;
  const form: ClockForm = { time: timeParts, dateTime: dateTimeParts, months, dayPeriods, hourCycle };
  const writesAsIntl = (f: ClockForm) =>
    writeClock(f, PROBE, false) === time.format(utcAt(PROBE)) &&
    writeClock(f, PROBE, true) === dateTime.format(utcAt(PROBE));
  if (writesAsIntl(form)) return form;
  // V8's format() puts a plain space where CLDR (and formatToParts) has a narrow no-break space
  // before AM/PM, as old pages expected; the text people see is format()'s.
  const spaced = (parts: Part[]) => parts.map((p) => (typeof p === "string" ? p.replaceAll("\u202f", " ") : p));
  const plain = { ...form, time: spaced(timeParts), dateTime: spaced(dateTimeParts) };
  return writesAsIntl(plain) ? plain : null;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

function hourOn(cycle: ClockForm["hourCycle"], hour: number): number {
  if (cycle === "h23") return hour;
  if (cycle === "h24") return hour === 0 ? 24 : hour;
  if (cycle === "h11") return hour % 12;
  return hour % 12 === 0 ? 12 : hour % 12;
}

/** An instant's fields written as `form` writes them: what Intl would, without Intl. */
export function writeClock(form: ClockForm, fields: ClockFields, withDate: boolean): string {
  let text = "";
  for (const part of withDate ? form.dateTime : form.time) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const { field, pad } = part;
    if (field === "dayPeriod") text += form.dayPeriods?.[fields.hour < 12 ? 0 : 1] ?? "";
    else if (field === "month" && form.months && !pad) text += form.months[fields.month];
    else {
      const n =
        field === "month" ? fields.month + 1 : field === "hour" ? hourOn(form.hourCycle, fields.hour) : fields[field];
      text += pad ? twoDigits(n) : String(n);
    }
  }
  return text;
}

/** How `locale` groups the digits of a count, learnt from Intl; null if it writes other digits. */
export function learnCount(locale: string): CountForm | null {
  const format = new Intl.NumberFormat(locale);
  const integers = (n: number) =>
    format
      .formatToParts(n)
      .filter((p) => p.type === "integer")
      .map((p) => p.value);
  const groups = integers(1_234_567_890);
  if (!groups.every((g) => ASCII_DIGITS.test(g)) || groups.join("") !== "1234567890") return null;
  const group = format.formatToParts(1_234_567_890).find((p) => p.type === "group")?.value;
  if (group === undefined || groups.length < 3) return null;
  const primary = groups.at(-1)!.length;
  const secondary = groups.at(-2)!.length;
  // The smallest number that is grouped shows how many digits it takes.
  let minDigits = primary + 1;
  while (integers(10 ** (minDigits - 1)).length === 1 && minDigits < 8) minDigits++;
  if (minDigits === 8) return null;
  return { group, primary, secondary, minDigits };
}

/** A whole, non-negative count written as `form` writes it. */
export function writeCount(form: CountForm, n: number): string {
  const digits = String(n);
  if (digits.length < form.minDigits) return digits;
  let end = digits.length - form.primary;
  let text = digits.slice(end);
  while (end > 0) {
    const start = Math.max(0, end - form.secondary);
    text = `${digits.slice(start, end)}${form.group}${text}`;
    end = start;
  }
  return text;
}

/** Everything a page's browser needs to write times and counts in the page's language. */
export interface WrittenForms {
  /** Times the server renders (in UTC) and the browser repeats while hydrating. */
  utc: ClockForm | null;
  /**
   * Times in the visitor's zone. English pages write them as English is written in the visitor's
   * region (a browser set to en-US reads "2:05 PM", one set to de-DE "14:05"): each form with the
   * regions that use it, the UTC form for the rest. Other languages have one way.
   */
  local: ClockForm | null | Array<{ regions: string; form: ClockForm }>;
  count: CountForm | null;
}

/** English in every region, to learn how each writes the time. */
export function learnRegionalClocks(regions: readonly string[]): Array<{ regions: string; form: ClockForm }> {
  const byForm = new Map<string, { regions: string[]; form: ClockForm }>();
  for (const region of regions) {
    const form = learnClock(`en-${region}`);
    if (!form) continue;
    const key = JSON.stringify(form);
    const same = byForm.get(key);
    if (same) same.regions.push(region);
    else byForm.set(key, { regions: [region], form });
  }
  return [...byForm.values()].map(({ regions: r, form }) => ({ regions: r.join(" "), form }));
}

/** The region a browser language names ("en-US" → "US", "zh-Hant-TW" → "TW"), if it names one. */
export function regionOf(language: string): string | undefined {
  return /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(language)?.[1]?.toUpperCase();
}

/** The form local times are written in for a visitor whose browser speaks `language`. */
export function localClock(forms: WrittenForms, language: string): ClockForm | null {
  if (!Array.isArray(forms.local)) return forms.local;
  const region = regionOf(language);
  const found = region && forms.local.find((f) => f.regions.split(" ").includes(region));
  return found ? found.form : forms.utc;
}
