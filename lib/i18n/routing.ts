import { hasLocale } from "next-intl";
import { defineRouting } from "next-intl/routing";
import { notFound } from "next/navigation";
import { DEFAULT_LOCALE, LOCALES, PREFIXES, type Locale } from "./locales";

export type { Locale };

/**
 * English lives at the bare paths (/status/tiktok), the other languages under a prefix
 * (/de/status/tiktok, /pt-br/status/tiktok). A bare path asked for by a browser that prefers another
 * of them (Accept-Language, or the language the visitor chose with the switcher, kept in the
 * NEXT_LOCALE cookie) is redirected to that language's path.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: { mode: "as-needed", prefixes: PREFIXES },
  // The translated pages name their other languages in their heads (lib/i18n/alternates.ts). The
  // proxy's Link header would claim them for every path, and repeats the path seven times: a long
  // hostile path made a header too big for clients to read.
  alternateLinks: false,
});

/** Each language by its own name, as the switcher lists it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  de: "Deutsch",
  fr: "Français",
  "pt-BR": "Português (Brasil)",
  hi: "हिन्दी",
};

/** A page's [locale] param, checked: a path that reached the page without the proxy (a file that does not exist, say) is not found. */
export function pageLocale(value: string): Locale {
  if (!hasLocale(routing.locales, value)) notFound();
  return value;
}
