import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { getDb } from "@/db/client";
import { MAP_WINDOWS, regionActivity } from "@/lib/queries/region-map";
import { findService } from "@/lib/queries/services";
import { RegionMapSection, windowFrom } from "@/components/region-map-section";

export async function generateMetadata({ params }: PageProps<"/status/[service]/map">): Promise<Metadata> {
  const service = await findService(getDb(), (await params).service);
  return { title: service ? `${service.name} outage map` : "Service not found" };
}

export default async function ServiceMapPage({ params, searchParams }: PageProps<"/status/[service]/map">) {
  const db = getDb();
  const service = await findService(db, (await params).service);
  if (!service) notFound();
  const windowKey = windowFrom((await searchParams).window);
  const minutes = MAP_WINDOWS.find((w) => w.key === windowKey)!.minutes;
  const rows = await regionActivity(db, service.id, minutes);
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current="Map" />
      <h1>{service.name} outage map</h1>
      <RegionMapSection
        rows={rows}
        windowKey={windowKey}
        basePath={`/status/${service.slug}/map`}
        subject={service.name}
      />
    </>
  );
}
