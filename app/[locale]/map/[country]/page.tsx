import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { getReadDb } from "@/lib/db";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { subdivisionGeometry } from "@/lib/regions/geometry";
import { country as findCountry } from "@/lib/regions/regions";
import { RegionMapSection, windowFrom, windowMinutes } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/map/[country]">): Promise<Metadata> {
  const c = findCountry((await params).country.toUpperCase());
  return { title: c ? `Outage map: ${c.name}` : "Country not found" };
}

export default async function CountryMapPage({ params, searchParams }: PageProps<"/[locale]/map/[country]">) {
  const c = findCountry((await params).country.toUpperCase());
  if (!c) notFound();
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(getReadDb(), { serviceId: null, country: c.code }, windowMinutes(windowKey));
  return (
    <>
      <Breadcrumb trail={[{ href: `/map?window=${windowKey}`, label: "Outage map" }]} current={c.name} />
      <h1>Outage map: {c.name}</h1>
      <p>
        <IntentLink href={`/country/${c.code.toLowerCase()}`}>What is broken in {c.name} right now</IntentLink>
      </p>
      <RegionMapSection
        rows={rows}
        windowKey={windowKey}
        basePath={`/map/${c.code}`}
        subject="all services"
        place={`in ${c.name}`}
        regionLabel={c.code === "US" ? "State" : "Region"}
        geometry={subdivisionGeometry(c.code)}
      />
    </>
  );
}
