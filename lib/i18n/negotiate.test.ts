import { describe, expect, it } from "vitest";
import { acceptLanguageLocale, prefixLocale } from "./negotiate";

describe("acceptLanguageLocale", () => {
  it("picks the browser's first language the site speaks", () => {
    expect(acceptLanguageLocale("de-DE,de;q=0.9,en;q=0.5")).toBe("de");
    expect(acceptLanguageLocale("it-IT,it;q=0.9,fr;q=0.8,en;q=0.5")).toBe("fr");
    expect(acceptLanguageLocale("pt-BR,pt;q=0.9")).toBe("pt-BR");
    expect(acceptLanguageLocale("hi-IN")).toBe("hi");
    expect(acceptLanguageLocale("es-MX,es;q=0.9")).toBe("es");
  });

  it("falls back to English when nothing matches or nothing is said", () => {
    expect(acceptLanguageLocale("ja-JP")).toBe("en");
    expect(acceptLanguageLocale(undefined)).toBe("en");
    expect(acceptLanguageLocale("*")).toBe("en");
    expect(acceptLanguageLocale("not a tag,,;q=x")).toBe("en");
  });
});

describe("prefixLocale", () => {
  it("reads the language from a path's prefix, whatever its case", () => {
    expect(prefixLocale("/de/status/tiktok")).toBe("de");
    expect(prefixLocale("/pt-br")).toBe("pt-BR");
    expect(prefixLocale("/PT-BR/map")).toBe("pt-BR");
    expect(prefixLocale("/hi/")).toBe("hi");
  });

  it("says null for English's unprefixed paths and for look-alikes", () => {
    expect(prefixLocale("/status/tiktok")).toBeNull();
    expect(prefixLocale("/")).toBeNull();
    expect(prefixLocale("/en/status/tiktok")).toBeNull();
    expect(prefixLocale("/devices")).toBeNull();
  });
});
