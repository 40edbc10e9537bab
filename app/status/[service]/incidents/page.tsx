import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentList } from "@/components/incident-list";
import { Pagination } from "@/components/pagination";
import { getDb } from "@/db/client";
import { incidentQuery } from "@/lib/queries/incident-filter";
import { listIncidents } from "@/lib/queries/incidents";
import { findService } from "@/lib/queries/services";

const PAGE_SIZE = 25;

export async function generateMetadata({ params }: PageProps<"/status/[service]/incidents">): Promise<Metadata> {
  const service = await findService(getDb(), (await params).service);
  return { title: service ? `${service.name} outage history` : "Service not found" };
}

export default async function ServiceIncidentsPage({ params, searchParams }: PageProps<"/status/[service]/incidents">) {
  const db = getDb();
  const service = await findService(db, (await params).service);
  if (!service) notFound();
  const { page } = incidentQuery(await searchParams);
  const { items, total } = await listIncidents(db, { service: service.slug }, page, PAGE_SIZE);
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current="Incidents" />
      <h1>{service.name} outage history</h1>
      <p className="muted" data-testid="incident-count">
        {total.toLocaleString("en")} {total === 1 ? "incident" : "incidents"} detected
      </p>
      <IncidentList items={items} caption={`${service.name} incidents, newest first`} showService={false} />
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        basePath={`/status/${service.slug}/incidents`}
        params={{}}
      />
    </>
  );
}
