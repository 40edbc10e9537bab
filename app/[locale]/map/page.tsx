import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { worldGeometry } from "@/lib/regions/geometry";
import { RegionMapSection, windowFrom, windowMinutes, withDrillDown } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/map">): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "Maps" });
  return { title: t("metaTitle"), description: t("metaDescription"), alternates: localeAlternates("/map", locale) };
}

export default async function GlobalMapPage({ params, searchParams }: PageProps<"/[locale]/map">) {
  await connection();
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "Maps" });
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(getReadDb(), { serviceId: null, country: null }, windowMinutes(windowKey));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <RegionMapSection
        rows={withDrillDown(rows, "/map", windowKey)}
        windowKey={windowKey}
        basePath="/map"
        geometry={worldGeometry()}
      />
    </>
  );
}
