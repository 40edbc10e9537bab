import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

/** The messages the browser gets: every page's client namespaces, and `extra` ones for this part only. */
export async function clientMessages(extra: readonly string[] = [], locale?: string) {
  const messages = await getMessages(locale ? { locale } : undefined);
  return Object.fromEntries([...CLIENT_NAMESPACES, ...extra].filter((n) => n in messages).map((n) => [n, messages[n]]));
}

/**
 * Client components that only one page uses (the alerts form) get their words here, on that page,
 * rather than in every page's payload.
 */
export async function WithMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={await getLocale()} messages={await clientMessages(namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
