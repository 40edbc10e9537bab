import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { ServiceWorker } from "@/components/service-worker";
import { QueuedReports } from "@/components/queued-reports";
import { publicUrl } from "@/lib/http/public-url";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    // Open Graph images and canonical links must be absolute, on the address people use.
    metadataBase: new URL(publicUrl(await headers())),
    title: { default: "Outage Radar: is it down right now?", template: "%s · Outage Radar" },
    description:
      "Live user reports of problems and outages for the services you use, with open data and published detection methods.",
    openGraph: { siteName: "Outage Radar", type: "website" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161b24" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <div className="container">
            <QueuedReports />
            {children}
          </div>
        </main>
        <SiteFooter />
        <ServiceWorker />
      </body>
    </html>
  );
}
