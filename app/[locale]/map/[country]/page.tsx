import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { subdivisionGeometry } from "@/lib/regions/geometry";
import { countryNameIn, country as findCountry } from "@/lib/regions/regions";
import { RegionMapSection, windowFrom, windowMinutes } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/map/[country]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "Maps" });
  const c = findCountry(p.country.toUpperCase());
  if (!c) return { title: t("notFound") };
  return {
    title: t("countryTitle", { country: countryNameIn(c.code, locale) }),
    alternates: localeAlternates(`/map/${c.code}`, locale),
  };
}

export default async function CountryMapPage({ params, searchParams }: PageProps<"/[locale]/map/[country]">) {
  const p = await params;
  const locale = pageLocale(p.locale);
  const c = findCountry(p.country.toUpperCase());
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "Maps" });
  const name = countryNameIn(c.code, locale);
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(getReadDb(), { serviceId: null, country: c.code }, windowMinutes(windowKey));
  return (
    <>
      <Breadcrumb trail={[{ href: `/map?window=${windowKey}`, label: t("title") }]} current={name} />
      <h1>{t("countryTitle", { country: name })}</h1>
      <p>
        <IntentLink href={`/country/${c.code.toLowerCase()}`}>{t("countryLink", { country: name })}</IntentLink>
      </p>
      <RegionMapSection
        rows={rows}
        windowKey={windowKey}
        basePath={`/map/${c.code}`}
        country={c.code}
        geometry={subdivisionGeometry(c.code)}
      />
    </>
  );
}
