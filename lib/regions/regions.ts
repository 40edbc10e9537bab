import escapeHtml from "escape-html";
import { iso31661 } from "iso-3166/1";
import { iso31662 } from "iso-3166/2";

export interface Country {
  code: string;
  name: string;
  numeric: string;
}
export interface Subdivision {
  code: string;
  name: string;
  country: string;
  /** The country code for first-level subdivisions, else the enclosing subdivision's code. */
  parent: string;
}

// ISO's official short names ("Korea, Republic of") read badly; CLDR's English names are what people say.
const displayNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

export const COUNTRIES: readonly Country[] = iso31661
  .map((c) => ({ code: c.alpha2, name: displayNames.of(c.alpha2) ?? c.name, numeric: c.numeric }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

const subdivisionsByCountry = new Map<string, Subdivision[]>();
const subdivisionByCode = new Map<string, Subdivision>();
for (const s of iso31662) {
  const country = s.code.slice(0, 2);
  const sub = { code: s.code, name: s.name, country, parent: s.parent };
  subdivisionByCode.set(s.code, sub);
  const list = subdivisionsByCountry.get(country) ?? [];
  list.push(sub);
  subdivisionsByCountry.set(country, list);
}
for (const list of subdivisionsByCountry.values()) list.sort((a, b) => a.name.localeCompare(b.name, "en"));

export function isCountry(code: string): boolean {
  return countryByCode.has(code);
}

export function country(code: string): Country | undefined {
  return countryByCode.get(code);
}

const namesByLocale = new Map<string, Intl.DisplayNames>();

export function countryName(code: string): string {
  return countryByCode.get(code)?.name ?? code;
}

/** A country's name in a page's language: English as above; another language's from Intl. */
export function countryNameIn(code: string, locale: string): string {
  if (locale !== "en" && countryByCode.has(code)) {
    let names = namesByLocale.get(locale);
    if (!names) namesByLocale.set(locale, (names = new Intl.DisplayNames(locale, { type: "region" })));
    return names.of(code) ?? code;
  }
  return countryName(code);
}

const listsByLocale = new Map<string, readonly { code: string; name: string }[]>();
/** Every country named and sorted in a page's language, as forms list them (built once per language). */
export function countriesIn(locale: string): readonly { code: string; name: string }[] {
  let list = listsByLocale.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = COUNTRIES.map((c) => ({ code: c.code, name: countryNameIn(c.code, locale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    listsByLocale.set(locale, list);
  }
  return list;
}

const optionsByLocale = new Map<string, string>();
/**
 * The same list as a select's options, in HTML: a form's 250 countries are markup the browser parses,
 * not elements React has to create and hydrate on a phone (components/report-form.tsx).
 */
export function countryOptionsIn(locale: string): string {
  let html = optionsByLocale.get(locale);
  if (html === undefined) {
    html = countriesIn(locale)
      .map((c) => `<option value="${c.code}">${escapeHtml(c.name)}</option>`)
      .join("");
    optionsByLocale.set(locale, html);
  }
  return html;
}

export function subdivisionsOf(countryCode: string): readonly Subdivision[] {
  return subdivisionsByCountry.get(countryCode) ?? [];
}

export function subdivision(code: string): Subdivision | undefined {
  return subdivisionByCode.get(code);
}

export function subdivisionName(code: string): string {
  return subdivisionByCode.get(code)?.name ?? code;
}

/**
 * A region's name for people: a country's ("Germany"), or a subdivision's with its country's code
 * ("New York, US"), as incidents confined to one name them.
 */
export function regionName(code: string): string {
  return regionNameIn(code, "en");
}

/** The same in a page's language (a subdivision keeps its ISO name). */
export function regionNameIn(code: string, locale: string): string {
  const sub = subdivisionByCode.get(code);
  return sub ? `${sub.name}, ${code.slice(0, 2)}` : countryNameIn(code, locale);
}
