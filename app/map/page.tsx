import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { MAP_WINDOWS, regionActivity } from "@/lib/queries/region-map";
import { RegionMapSection, windowFrom } from "@/components/region-map-section";

export const metadata: Metadata = {
  title: "Outage map: where things are broken right now",
  description: "Where people report problems with any service right now, shaded against each country's usual level.",
};

export default async function GlobalMapPage({ searchParams }: PageProps<"/map">) {
  await connection();
  const windowKey = windowFrom((await searchParams).window);
  const minutes = MAP_WINDOWS.find((w) => w.key === windowKey)!.minutes;
  const rows = await regionActivity(getDb(), null, minutes);
  return (
    <>
      <h1>Outage map</h1>
      <p className="muted">Reports for all services by country, compared with what is usual for that country.</p>
      <RegionMapSection rows={rows} windowKey={windowKey} basePath="/map" subject="all services" />
    </>
  );
}
