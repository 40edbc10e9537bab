import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SiteFooter, SiteHeader } from "./site-header";
import { ServiceWorker } from "./service-worker";
import { QueuedReports } from "./queued-reports";
import type { Locale } from "@/lib/i18n/routing";
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

/**
 * The document every page sits in, in its language: the public pages' layout (app/[locale]) and the
 * moderator console's (English) each render it as their root. Client components get only the
 * messages they use, not the whole catalogue.
 */
export async function SiteShell({
  locale,
  reportQueue = true,
  children,
}: {
  locale: Locale;
  /** Whether the page says what became of reports made offline (not in the moderator console). */
  reportQueue?: boolean;
  children: React.ReactNode;
}) {
  const messages = await getMessages({ locale });
  const forClient = Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]]));
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={forClient}>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            <div className="container">
              {reportQueue ? <QueuedReports /> : null}
              {children}
            </div>
          </main>
          <SiteFooter />
          <ServiceWorker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
