import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { getReadDb } from "@/lib/db";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { findServiceForRequest } from "@/lib/services/queries";
import { worldGeometry } from "@/lib/regions/geometry";
import { RegionMapSection, windowFrom, windowMinutes, withDrillDown } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/status/[service]/map">): Promise<Metadata> {
  const service = await findServiceForRequest(getReadDb(), (await params).service);
  return { title: service ? `${service.name} outage map` : "Service not found" };
}

export default async function ServiceMapPage({ params, searchParams }: PageProps<"/[locale]/status/[service]/map">) {
  const db = getReadDb();
  const service = await findServiceForRequest(db, (await params).service);
  if (!service) notFound();
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(db, { serviceId: service.id, country: null }, windowMinutes(windowKey));
  const basePath = `/status/${service.slug}/map`;
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current="Map" />
      <h1>{service.name} outage map</h1>
      <RegionMapSection
        rows={withDrillDown(rows, basePath, windowKey)}
        windowKey={windowKey}
        basePath={basePath}
        subject={service.name}
        service={service.slug}
        place="by country"
        regionLabel="Country"
        geometry={worldGeometry()}
      />
    </>
  );
}
