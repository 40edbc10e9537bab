import { NextIntlClientProvider } from "next-intl";
import { SiteFooter, SiteHeader } from "./site-header";
import { ServiceWorker } from "./service-worker";
import { QueuedReports } from "./queued-reports";
import type { Locale } from "@/lib/i18n/routing";
import { clientMessages } from "./with-messages";
import { WrittenFormsTaught } from "./written-forms";
import { teachWrittenForms } from "@/lib/text/format";
import { learnWrittenForms } from "@/lib/text/learn-written-forms";

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
  const forms = learnWrittenForms(locale);
  // Server components write times and counts by the same forms as the browser (Intl, which they
  // would use otherwise, writes the same text: written-forms.test.ts).
  teachWrittenForms(locale, forms);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={forClient}>
          <WrittenFormsTaught locale={locale} forms={forms}>
            <SiteHeader />
            <main id="main" tabIndex={-1}>
              <div className="container">
                {reportQueue ? <QueuedReports /> : null}
                {children}
              </div>
            </main>
            <SiteFooter />
            <ServiceWorker />
          </WrittenFormsTaught>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
