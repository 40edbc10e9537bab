import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { DowntimeHeatmap } from "@/components/downtime-heatmap";
import { IncidentList } from "@/components/incident-list";
import { ServiceStatsList } from "@/components/service-stats";
import { Pagination } from "@/components/pagination";
import { getReadDb } from "@/lib/db";
import { incidentQuery } from "@/lib/incidents/filter";
import { listIncidents } from "@/lib/incidents/queries";
import { cachedServiceStats } from "@/lib/services/stats";
import { findServiceForRequest } from "@/lib/services/queries";
import { formatCount } from "@/lib/text/format";
import { cachedScorecards } from "@/lib/official/scorecard";
import { ScorecardByWindow } from "@/components/scorecard-table";
import styles from "./page.module.css";

const PAGE_SIZE = 25;

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/status/[service]/incidents">): Promise<Metadata> {
  const service = await findServiceForRequest(getReadDb(), (await params).service);
  if (!service) return { title: "Service not found" };
  return {
    title: `${service.name} outage history`,
    description: `Every ${service.name} outage Outage Radar detected: when, how long, and when it usually breaks.`,
    alternates: {
      types: {
        "application/atom+xml": [
          { url: `/status/${service.slug}/incidents/feed.atom`, title: `${service.name} incidents` },
        ],
      },
    },
  };
}

export default async function ServiceIncidentsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/status/[service]/incidents">) {
  const db = getReadDb();
  const service = await findServiceForRequest(db, (await params).service);
  if (!service) notFound();
  const { page } = incidentQuery(await searchParams);
  const [{ items, total }, stats, scorecards] = await Promise.all([
    listIncidents(db, { service: service.slug }, page, PAGE_SIZE),
    cachedServiceStats(db, service.id),
    cachedScorecards(db, service.slug),
  ]);
  const scored = scorecards[0]!.services.length > 0;
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current="Incidents" />
      <h1>{service.name} outage history</h1>
      <p className="muted" data-testid="incident-count">
        {formatCount(total)} {total === 1 ? "incident" : "incidents"} detected
      </p>
      <p className={styles["feed-links"]}>
        <a href={`/status/${service.slug}/incidents/feed.atom`}>Atom feed of these incidents</a>
        <a href={`/status/${service.slug}/badge.svg`}>Status badge (SVG)</a>
        <a href="/api/v1/openapi.json">API</a>
      </p>
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">Record</h2>
        <ServiceStatsList stats={stats} />
        <DowntimeHeatmap heatmap={stats.heatmap} serviceName={service.name} />
      </section>
      {scored ? (
        <section aria-labelledby="scorecard-heading">
          <h2 id="scorecard-heading">Against {service.name}&apos;s own status page</h2>
          <ScorecardByWindow
            reports={scorecards}
            caption={`Outage Radar and ${service.name}'s status page`}
            testId="scorecard-service"
          />
          <p className="muted">
            How the two are compared: <a href="/about#scorecard">How Outage Radar works</a>.
          </p>
        </section>
      ) : null}
      <h2>Incidents</h2>
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
