import type { Metadata } from "next";
import { getPathname } from "./navigation";
import { routing, type Locale } from "./routing";

/**
 * A page's canonical address in its language and the same page in every other (hreflang), for
 * search engines; `path` is the page's English path, such as "/status/tiktok".
 */
export function localeAlternates(path: string, locale: Locale): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = { "x-default": path };
  for (const l of routing.locales) languages[l] = getPathname({ href: path, locale: l });
  return { canonical: getPathname({ href: path, locale }), languages };
}

/** The same, as absolute addresses for the sitemap: every language's version of an English path. */
export function sitemapLanguages(base: string, path: string): Record<string, string> {
  return Object.fromEntries(routing.locales.map((l) => [l, `${base}${getPathname({ href: path, locale: l })}`]));
}
