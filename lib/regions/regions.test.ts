import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  countriesIn,
  countryName,
  countryOptionsIn,
  isCountry,
  subdivision,
  subdivisionsOf,
} from "./regions";
import { countryFromAcceptLanguage, countryFromHeaders } from "./from-request";

describe("regions", () => {
  it("has every ISO 3166-1 country with readable names", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("KR")).toBe("South Korea");
    expect(isCountry("ZZ")).toBe(false);
  });

  it.each([
    ["US", 50],
    ["CA", 13],
    ["GB", 4],
    ["DE", 16],
    ["FR", 13],
    ["IN", 28],
    ["BR", 27],
    ["AU", 8],
    ["JP", 47],
  ])("has the ISO 3166-2 subdivisions of %s", (code, atLeast) => {
    const subs = subdivisionsOf(code);
    expect(subs.length).toBeGreaterThanOrEqual(atLeast);
    expect(subs.every((s) => s.code.startsWith(`${code}-`) && s.country === code)).toBe(true);
  });

  it("looks subdivisions up by code", () => {
    expect(subdivision("US-CA")?.name).toBe("California");
    expect(subdivision("DE-BY")?.name).toBe("Bayern");
    expect(subdivision("US-XX")).toBeUndefined();
  });
});

describe("country from the request", () => {
  it("reads the highest-weighted language with a region, or its likely region", () => {
    expect(countryFromAcceptLanguage("de;q=0.8, en-GB")).toBe("GB");
    expect(countryFromAcceptLanguage("fr")).toBe("FR");
    expect(countryFromAcceptLanguage("ja-JP,ja;q=0.9")).toBe("JP");
    expect(countryFromAcceptLanguage("pt-BR;q=0.1, es-MX;q=0.5")).toBe("MX");
    expect(countryFromAcceptLanguage("*")).toBeUndefined();
    expect(countryFromAcceptLanguage("not a tag;;, ")).toBeUndefined();
    expect(countryFromAcceptLanguage(null)).toBeUndefined();
  });

  it("prefers a configured edge header and ignores its unknown placeholders", () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    const names = ["cf-ipcountry", "x-vercel-ip-country"];
    expect(countryFromHeaders(h({ "cf-ipcountry": "br", "accept-language": "en-US" }), names)).toBe("BR");
    expect(countryFromHeaders(h({ "x-vercel-ip-country": "IN" }), names)).toBe("IN");
    expect(countryFromHeaders(h({ "cf-ipcountry": "XX", "accept-language": "en-AU" }), names)).toBe("AU");
    expect(countryFromHeaders(h({ "cf-ipcountry": "T1" }), names)).toBeUndefined();
    expect(countryFromHeaders(h({ "cf-ipcountry": "BR", "accept-language": "en-US" }), [])).toBe("US");
  });
});

describe("country lists for forms", () => {
  it("name and sort every country in the page's language", () => {
    const german = countriesIn("de");
    expect(german).toHaveLength(COUNTRIES.length);
    expect(german.find((c) => c.code === "DE")?.name).toBe("Deutschland");
    const names = german.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("de").compare));
  });

  it("give a select's options as escaped markup, in the same order", () => {
    const html = countryOptionsIn("en");
    expect(html.match(/<option /g)).toHaveLength(COUNTRIES.length);
    expect(html).toContain('<option value="TT">Trinidad &amp; Tobago</option>');
    expect(html.indexOf('value="AF"')).toBeLessThan(html.indexOf('value="ZW"'));
  });
});
