import type { Metadata } from "next";
import { connection } from "next/server";
import { getReadDb } from "@/lib/db";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { worldGeometry } from "@/lib/regions/geometry";
import { RegionMapSection, windowFrom, windowMinutes, withDrillDown } from "@/components/region-map-section";

export const metadata: Metadata = {
  title: "Outage map: where things are broken right now",
  description: "Where people report problems with any service right now, shaded against each country's usual level.",
};

export default async function GlobalMapPage({ searchParams }: PageProps<"/[locale]/map">) {
  await connection();
  const windowKey = windowFrom((await searchParams).window);
  const rows = await cachedRegionActivity(getReadDb(), { serviceId: null, country: null }, windowMinutes(windowKey));
  return (
    <>
      <h1>Outage map</h1>
      <p className="muted">
        Reports for all services by country, compared with what is usual for that country at this time of day. Choose a
        country to see its regions.
      </p>
      <RegionMapSection
        rows={withDrillDown(rows, "/map", windowKey)}
        windowKey={windowKey}
        basePath="/map"
        subject="all services"
        place="by country"
        regionLabel="Country"
        geometry={worldGeometry()}
      />
    </>
  );
}
