import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { publicUrl } from "@/lib/http/public-url";
import type { Locale } from "./routing";

/** What every page's head says, in its language; a page's own metadata adds to it. */
export async function siteMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "Site" });
  return {
    // Open Graph images and canonical links must be absolute, on the address people use.
    metadataBase: new URL(publicUrl(await headers())),
    title: { default: t("title"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
    openGraph: { siteName: "Outage Radar", type: "website", locale: locale.replace("-", "_") },
  };
}

export const siteViewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161b24" },
  ],
};
