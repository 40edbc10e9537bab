import "../globals.css";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { SiteShell } from "@/components/site-shell";
import { routing } from "@/lib/i18n/routing";
import { siteMetadata, siteViewport } from "@/lib/i18n/site-metadata";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  return siteMetadata(hasLocale(routing.locales, locale) ? locale : routing.defaultLocale);
}

export const viewport = siteViewport;

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <SiteShell locale={locale}>{children}</SiteShell>;
}
