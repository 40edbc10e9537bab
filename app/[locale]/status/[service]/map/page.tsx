import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { findServiceForRequest } from "@/lib/services/queries";
import { worldGeometry } from "@/lib/regions/geometry";
import { RegionMapSection, windowFrom, windowMinutes, withDrillDown } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/status/[service]/map">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "Maps" });
  const service = await findServiceForRequest(getReadDb(), p.service);
  if (!service) return { title: t("notFound") };
  return {
    title: t("serviceTitle", { service: service.name }),
    alternates: localeAlternates(`/status/${service.slug}/map`, locale),
  };
}

export default async function ServiceMapPage({ params, searchParams }: PageProps<"/[locale]/status/[service]/map">) {
  const db = getReadDb();
  const p = await params;
  const locale = pageLocale(p.locale);
  const service = await findServiceForRequest(db, p.service);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "Maps" });
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(db, { serviceId: service.id, country: null }, windowMinutes(windowKey));
  const basePath = `/status/${service.slug}/map`;
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current={t("crumb")} />
      <h1>{t("serviceTitle", { service: service.name })}</h1>
      <RegionMapSection
        rows={withDrillDown(rows, basePath, windowKey)}
        windowKey={windowKey}
        basePath={basePath}
        service={service}
        geometry={worldGeometry()}
      />
    </>
  );
}
