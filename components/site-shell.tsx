import { NextIntlClientProvider } from "next-intl";
import { SiteFooter, SiteHeader } from "./site-header";
import { ServiceWorker } from "./service-worker";
import { QueuedReports } from "./queued-reports";
import type { Locale } from "@/lib/i18n/routing";
import { clientMessages } from "./with-messages";

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
  const forClient = await clientMessages([], locale);
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
