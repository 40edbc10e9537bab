/** The languages the site speaks, English first (the default, at unprefixed paths). No imports: the service worker uses it too. */
export const LOCALES = ["en", "es", "de", "fr", "pt-BR", "hi"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Path prefixes that are not simply "/" + the locale: URLs are lower-case. */
export const PREFIXES = { "pt-BR": "/pt-br" } as const satisfies Partial<Record<Locale, string>>;

/** The path prefix of a language other than the default: "/de", "/pt-br" ("" for English). */
export function localePrefix(locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return "";
  return (PREFIXES as Partial<Record<Locale, string>>)[locale] ?? `/${locale}`;
}

/** A pattern for the optional language prefix at the start of a path: "(/de|/pt-br|…)?". */
export const PREFIX_PATTERN = `(?:${LOCALES.filter((l) => l !== DEFAULT_LOCALE)
  .map((l) => localePrefix(l))
  .join("|")})?`;
