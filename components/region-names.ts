import { useLocale } from "next-intl";

const namesByLocale = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in the page's language, in a client component: English pages keep the name the
 * server sent (from the ISO data), others ask the browser's Intl, so no name table is shipped.
 */
export function useRegionNames(): (code: string, english: string) => string {
  const locale = useLocale();
  if (locale === "en") return (_code, english) => english;
  let names = namesByLocale.get(locale);
  if (!names) namesByLocale.set(locale, (names = new Intl.DisplayNames(locale, { type: "region" })));
  const of = names;
  return (code, english) => of.of(code) ?? english;
}
