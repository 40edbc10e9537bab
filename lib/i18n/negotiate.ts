import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { routing, type Locale } from "./routing";
import { localePrefix } from "./locales";

/**
 * The language a page at an unprefixed path is served in for a browser with this Accept-Language:
 * the one the proxy (next-intl) would choose for a visitor without a cookie, by the same two
 * packages. The front keys its page copies by it, so a German browser is never handed an English
 * copy of a page it should have been redirected from.
 */
export function acceptLanguageLocale(header: string | undefined): Locale {
  const languages = new Negotiator({ headers: { "accept-language": header } }).languages();
  // Longest first, as next-intl orders them, so "pt-BR" is tried before a shorter tag.
  const locales = [...routing.locales].sort((a, b) => b.length - a.length);
  try {
    const best = match(languages, locales, routing.defaultLocale);
    return routing.locales.find((l) => l.toLowerCase() === best.toLowerCase()) ?? routing.defaultLocale;
  } catch {
    // "*" or a malformed tag: nothing to go on.
    return routing.defaultLocale;
  }
}

/** The language a path's prefix names ("/de/status/tiktok" → "de"), or null for an unprefixed path. */
export function prefixLocale(path: string): Locale | null {
  const first = path.split("/")[1]?.toLowerCase() ?? "";
  for (const locale of routing.locales) {
    if (locale === routing.defaultLocale) continue;
    if (localePrefix(locale).slice(1) === first) return locale;
  }
  return null;
}
