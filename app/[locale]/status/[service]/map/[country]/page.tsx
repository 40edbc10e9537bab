import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { findServiceForRequest } from "@/lib/services/queries";
import { subdivisionGeometry } from "@/lib/regions/geometry";
import { countryNameIn, country as findCountry } from "@/lib/regions/regions";
import { RegionMapSection, windowFrom, windowMinutes } from "@/components/region-map-section";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/status/[service]/map/[country]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "Maps" });
  const [service, c] = [await findServiceForRequest(getReadDb(), p.service), findCountry(p.country.toUpperCase())];
  if (!service || !c) return { title: t("notFound") };
  return {
    title: t("serviceCountryTitle", { service: service.name, country: countryNameIn(c.code, locale) }),
    alternates: localeAlternates(`/status/${service.slug}/map/${c.code}`, locale),
  };
}

export default async function ServiceCountryMapPage({
  params,
  searchParams,
}: PageProps<"/[locale]/status/[service]/map/[country]">) {
  const db = getReadDb();
  const p = await params;
  const locale = pageLocale(p.locale);
  const service = await findServiceForRequest(db, p.service);
  const c = findCountry(p.country.toUpperCase());
  if (!service || !c) notFound();
  const t = await getTranslations({ locale, namespace: "Maps" });
  const name = countryNameIn(c.code, locale);
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(db, { serviceId: service.id, country: c.code }, windowMinutes(windowKey));
  return (
    <>
      <Breadcrumb
        trail={[
          { href: `/status/${service.slug}`, label: service.name },
          { href: `/status/${service.slug}/map?window=${windowKey}`, label: t("crumb") },
        ]}
        current={name}
      />
      <h1>{t("serviceCountryTitle", { service: service.name, country: name })}</h1>
      <RegionMapSection
        rows={rows}
        windowKey={windowKey}
        basePath={`/status/${service.slug}/map/${c.code}`}
        country={c.code}
        service={service}
        geometry={subdivisionGeometry(c.code)}
      />
    </>
  );
}
