import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { getReadDb } from "@/lib/db";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { findServiceForRequest } from "@/lib/services/queries";
import { subdivisionGeometry } from "@/lib/regions/geometry";
import { country as findCountry } from "@/lib/regions/regions";
import { RegionMapSection, windowFrom, windowMinutes } from "@/components/region-map-section";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/status/[service]/map/[country]">): Promise<Metadata> {
  const p = await params;
  const [service, c] = [await findServiceForRequest(getReadDb(), p.service), findCountry(p.country.toUpperCase())];
  return { title: service && c ? `${service.name} outage map: ${c.name}` : "Not found" };
}

export default async function ServiceCountryMapPage({
  params,
  searchParams,
}: PageProps<"/[locale]/status/[service]/map/[country]">) {
  const db = getReadDb();
  const p = await params;
  const service = await findServiceForRequest(db, p.service);
  const c = findCountry(p.country.toUpperCase());
  if (!service || !c) notFound();
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(db, { serviceId: service.id, country: c.code }, windowMinutes(windowKey));
  return (
    <>
      <Breadcrumb
        trail={[
          { href: `/status/${service.slug}`, label: service.name },
          { href: `/status/${service.slug}/map?window=${windowKey}`, label: "Map" },
        ]}
        current={c.name}
      />
      <h1>
        {service.name} outage map: {c.name}
      </h1>
      <RegionMapSection
        rows={rows}
        windowKey={windowKey}
        basePath={`/status/${service.slug}/map/${c.code}`}
        subject={service.name}
        service={service.slug}
        place={`in ${c.name}`}
        regionLabel={c.code === "US" ? "State" : "Region"}
        geometry={subdivisionGeometry(c.code)}
      />
    </>
  );
}
