import { describe, expect, it } from "vitest";
import { iso31661 } from "iso-3166";
import { LOCALES } from "@/lib/i18n/locales";
import { learnWrittenForms } from "./learn-written-forms";
import { formatCount, formatLocalTime, formatUtcTime, teachWrittenForms } from "./format";
import { learnClock, learnCount, localClock, regionOf, writeClock, writeCount, type ClockForm } from "./written-forms";

const utcFields = (at: Date) => ({
  year: at.getUTCFullYear(),
  month: at.getUTCMonth(),
  day: at.getUTCDate(),
  hour: at.getUTCHours(),
  minute: at.getUTCMinutes(),
});
/** Every 7 h 13 min over four years from 2024: every hour of the day, every month, every day number. */
const INSTANTS = Array.from(
  { length: (4 * 8766 * 60) / 433 },
  (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 433 * 60_000),
);

function agreesWithIntl(locale: string, form: ClockForm) {
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  for (const at of INSTANTS) {
    expect(writeClock(form, utcFields(at), false), `${locale} ${at.toISOString()}`).toBe(time.format(at));
    expect(writeClock(form, utcFields(at), true), `${locale} ${at.toISOString()}`).toBe(dateTime.format(at));
  }
}

// The English pages' UTC way and a spread of the ways regions write English.
const CLOCK_LOCALES = [
  ...LOCALES.filter((l) => l !== "en"),
  "en-GB",
  "en-US",
  "en-IN",
  "en-AU",
  "en-CA",
  "en-DE",
  "en-ZA",
  "en-SE",
];

describe("clock forms", () => {
  it.each(CLOCK_LOCALES)("write what Intl writes in %s, at every hour of every day", (locale) => {
    const form = learnClock(locale);
    expect(form).not.toBeNull();
    agreesWithIntl(locale, form!);
  });

  it("write every English region's form as Intl does", () => {
    const regional = learnWrittenForms("en").local;
    expect(Array.isArray(regional)).toBe(true);
    for (const { regions, form } of regional as Array<{ regions: string; form: ClockForm }>) {
      for (const region of regions.split(" ").slice(0, 3)) agreesWithIntl(`en-${region}`, form);
    }
  });

  it("cover every region the site knows, most sharing a handful of forms", () => {
    const regional = learnWrittenForms("en").local as Array<{ regions: string }>;
    const covered = regional.flatMap((r) => r.regions.split(" "));
    expect(new Set(covered).size).toBe(iso31661.length);
    expect(regional.length).toBeLessThan(40);
  });

  it("know twelve-hour and 24-hour clocks apart", () => {
    const at = utcFields(new Date("2026-12-07T14:05:00Z"));
    expect(writeClock(learnClock("en-US")!, at, false)).toBe("02:05 PM");
    expect(writeClock(learnClock("en-GB")!, at, false)).toBe("14:05");
    expect(writeClock(learnClock("de")!, at, true)).toBe("07.12.2026, 14:05");
  });
});

describe("which English a visitor's clock is written in", () => {
  const forms = learnWrittenForms("en");
  const at = utcFields(new Date("2026-12-07T14:05:00Z"));

  it("follows the region the browser names", () => {
    expect(writeClock(localClock(forms, "en-US")!, at, false)).toBe("02:05 PM");
    expect(writeClock(localClock(forms, "de-DE")!, at, false)).toBe("14:05");
    expect(writeClock(localClock(forms, "en-IN")!, at, false)).toBe(
      new Intl.DateTimeFormat("en-IN", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(
        Date.UTC(2026, 11, 7, 14, 5),
      ),
    );
  });

  it("is the British way when the browser names no region", () => {
    expect(localClock(forms, "en")).toBe(forms.utc);
    expect(localClock(forms, "")).toBe(forms.utc);
  });

  it("reads the region from a language tag with or without a script", () => {
    expect(regionOf("en-US")).toBe("US");
    expect(regionOf("zh-Hant-TW")).toBe("TW");
    expect(regionOf("pt-br")).toBe("BR");
    expect(regionOf("en")).toBeUndefined();
    expect(regionOf("es-419")).toBeUndefined();
  });

  it("is the page's own language elsewhere", () => {
    const de = learnWrittenForms("de");
    expect(localClock(de, "en-US")).toBe(de.utc);
  });
});

describe("count forms", () => {
  const NUMBERS = [
    ...Array.from({ length: 20_001 }, (_, i) => i),
    ...Array.from({ length: 2_000 }, (_, i) => Math.floor(1.7 ** (i % 70)) + i),
    Number.MAX_SAFE_INTEGER,
  ];

  it.each([...LOCALES])("write what Intl writes in %s", (locale) => {
    const form = learnCount(locale);
    expect(form).not.toBeNull();
    const intl = new Intl.NumberFormat(locale);
    for (const n of NUMBERS) expect(writeCount(form!, n), `${locale} ${n}`).toBe(intl.format(n));
  });

  it("group Hindi numbers in twos after the first three, and short Spanish ones not at all", () => {
    expect(writeCount(learnCount("hi")!, 1_234_567)).toBe("12,34,567");
    expect(writeCount(learnCount("es")!, 1234)).toBe("1234");
    expect(writeCount(learnCount("es")!, 12_345)).toBe("12.345");
  });
});

describe("the formatters, once taught", () => {
  it.each([...LOCALES])("write the same text as before in %s", (locale) => {
    const iso = "2026-03-04T05:06:00.000Z";
    const before = {
      utc: formatUtcTime(iso, true, locale),
      count: formatCount(1_234_567, locale),
      negative: formatCount(-5, locale),
    };
    teachWrittenForms(locale, learnWrittenForms(locale));
    expect(formatUtcTime(iso, true, locale)).toBe(before.utc);
    expect(formatCount(1_234_567, locale)).toBe(before.count);
    expect(formatCount(-5, locale)).toBe(before.negative);
    expect(formatCount(2.5, locale)).toBe(new Intl.NumberFormat(locale).format(2.5));
  });

  it("write local times in the process's zone", () => {
    teachWrittenForms("de", learnWrittenForms("de"));
    const iso = "2026-03-04T05:06:00.000Z";
    const local = new Intl.DateTimeFormat("de", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
    expect(formatLocalTime(iso, false, "de")).toBe(local);
  });
});
