import "../globals.css";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { SiteShell } from "@/components/site-shell";
import { siteMetadata, siteViewport } from "@/lib/i18n/site-metadata";

// Never in search results, whatever a crawler finds a link from (the front also sends X-Robots-Tag).
export async function generateMetadata(): Promise<Metadata> {
  return {
    ...(await siteMetadata("en")),
    title: { default: "Moderator console", template: "%s · Moderator console" },
    robots: { index: false, follow: false },
  };
}

export const viewport = siteViewport;

/** The moderator console is for the site's operators, and in English: a root layout of its own. */
export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  setRequestLocale("en");
  return (
    <SiteShell locale="en" reportQueue={false}>
      {children}
    </SiteShell>
  );
}
