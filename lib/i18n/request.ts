import { hasLocale, IntlErrorCode } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

/** What a missing message shows: a marker no page may contain (e2e/languages.spec.ts looks for it). */
export const MISSING_MARK = "⟦";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    getMessageFallback: ({ namespace, key }) => `${MISSING_MARK}${namespace ? `${namespace}.` : ""}${key}⟧`,
    onError: (error) => {
      // A missing message shows its marker; anything else (a malformed message, a missing value) is a bug.
      if (error.code !== IntlErrorCode.MISSING_MESSAGE) console.error(error);
    },
  };
});
