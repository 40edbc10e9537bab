import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentRegions } from "@/components/incident-regions";
import { LocalTime } from "@/components/local-time";
import { ReportsChart } from "@/components/reports-chart";
import { ChartLegend, SeriesTable } from "@/components/series-details";
import { StatusBadge } from "@/components/status-badge";
import { getReadDb } from "@/lib/db";
import { CAUSE_LABELS, EVENT_LABELS, STATUS_LABELS } from "@/lib/catalog/constants";
import { pathId } from "@/lib/http/path-id";
import { INCIDENT_TEXTS, incidentDetailForRequest } from "@/lib/incidents/queries";
import { ReportTexts } from "@/components/report-texts";
import { readableTexts } from "@/lib/reports/readable-texts";
import { formatDuration } from "@/lib/text/duration";
import { config } from "@/lib/config";
import { formatCount, formatUtcDay } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { regionName } from "@/lib/regions/regions";
import { officialForIncident, type IncidentOfficial } from "@/lib/official/views";
import { findServiceForRequest } from "@/lib/services/queries";
import { causeOfIncident } from "@/lib/upstreams/queries";
import styles from "./page.module.css";

/** "Reports rose 23 minutes before the official status page changed", or the other way round. */
function whoWasFirst(o: IncidentOfficial): string | null {
  const lead = o.reportsLeadMinutes;
  if (lead === null) return null;
  if (Math.abs(lead) < 1) return "Reports rose as the official status page changed.";
  const n = Math.abs(lead);
  const span = `${n} minute${n === 1 ? "" : "s"}`;
  return lead > 0
    ? `Reports rose ${span} before the official status page changed.`
    : `The official status page changed ${span} before reports rose.`;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/incidents/[id]">): Promise<Metadata> {
  const id = pathId((await params).id);
  const story = id === undefined ? undefined : await incidentDetailForRequest(getReadDb(), id);
  if (!story) return { title: "Incident not found" };
  const title = `${story.service.name} ${story.level === "outage" ? "outage" : "problems"} on ${formatUtcDay(story.startedAt)}`;
  const description = `${STATUS_LABELS[story.level]} for ${story.service.name}: ${story.endedAt ? `lasted ${formatDuration(story.durationMinutes)}` : "ongoing"}, ${formatCount(story.totalReporters)} people reported it${story.topRegions[0] ? `, most in ${story.topRegions[0].name}` : ""}.`;
  return { title, description, openGraph: { title, description, type: "article" } };
}

export default async function IncidentPage({ params }: PageProps<"/[locale]/incidents/[id]">) {
  const id = pathId((await params).id);
  const story = id === undefined ? undefined : await incidentDetailForRequest(getReadDb(), id);
  if (!story) notFound();
  if (story.mergedInto !== null) permanentRedirect(`/incidents/${story.mergedInto}`);
  const db = getReadDb();
  const [service, cause] = await Promise.all([
    findServiceForRequest(db, story.service.slug),
    causeOfIncident(db, story.id),
  ]);
  const official = service
    ? await officialForIncident(db, {
        id: story.id,
        serviceId: service.id,
        startedAt: new Date(story.startedAt),
        detectedAt: new Date(story.detectedAt),
        endedAt: story.endedAt ? new Date(story.endedAt) : null,
      })
    : null;
  const detectedAfter = Math.round(
    (new Date(story.detectedAt).getTime() - new Date(story.startedAt).getTime()) / 60_000,
  );
  return (
    <>
      <Breadcrumb
        trail={[
          { href: `/status/${story.service.slug}`, label: story.service.name },
          { href: `/status/${story.service.slug}/incidents`, label: "Incidents" },
        ]}
        current={`#${story.id}`}
      />
      <h1>
        {story.service.name} {story.level === "outage" ? "outage" : "problems"} on {formatUtcDay(story.startedAt)}
      </h1>
      <p>
        <StatusBadge level={story.level} />{" "}
        {story.endedAt
          ? `Resolved after ${formatDuration(story.durationMinutes)}.`
          : `Ongoing for ${formatDuration(story.durationMinutes)}.`}
      </p>

      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">What happened</h2>
        <dl className={styles.facts} data-testid="incident-facts">
          <dt>Started</dt>
          <dd>
            <LocalTime iso={story.startedAt} withDate />
          </dd>
          <dt>Detected</dt>
          <dd>
            <LocalTime iso={story.detectedAt} withDate />{" "}
            <span className={styles["fact-note"]}>({detectedAfter} min after it started)</span>
          </dd>
          <dt>Peak</dt>
          <dd>
            {story.peakAt ? <LocalTime iso={story.peakAt} withDate /> : "–"}
            {story.peakRate !== null ? (
              <span className={styles["fact-note"]}> ({story.peakRate.toFixed(1)} people a minute)</span>
            ) : null}
          </dd>
          <dt>Ended</dt>
          <dd>{story.endedAt ? <LocalTime iso={story.endedAt} withDate /> : "Not yet"}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(story.durationMinutes)}</dd>
          <dt>People reporting</dt>
          <dd>
            {formatCount(story.totalReporters)} in all, at most {formatCount(story.peakReporters)} per{" "}
            {story.bucketMinutes} minutes
          </dd>
          <dt>Regions</dt>
          <dd data-testid="incident-where">{story.regions.length ? nameList(story.regions.map(regionName)) : "–"}</dd>
          <dt>Cause</dt>
          <dd>{story.cause ? CAUSE_LABELS[story.cause] : "Not determined yet"}</dd>
          {cause ? (
            <>
              <dt>Likely common cause</dt>
              <dd data-testid="incident-cause">
                <IntentLink href={`/causes/${cause.id}`}>{cause.name}</IntentLink>: {cause.services.length}{" "}
                {cause.services.length === 1 ? "service" : "services"} broke at once
              </dd>
            </>
          ) : null}
          {official?.polled ? (
            <>
              <dt>Official status</dt>
              <dd data-testid="incident-official">
                {official.match ? (
                  <>
                    {story.service.name} posted{" "}
                    {official.match.url ? (
                      <a href={official.match.url} rel="noopener external">
                        “{official.match.title}”
                      </a>
                    ) : (
                      `“${official.match.title}”`
                    )}{" "}
                    at <LocalTime iso={official.match.postedAt.toISOString()} withDate />.{" "}
                    <strong>{whoWasFirst(official)}</strong>
                  </>
                ) : story.endedAt ? (
                  `${story.service.name}'s status page posted no incident about it.`
                ) : (
                  `${story.service.name}'s status page has posted no incident about it so far.`
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Before, during and after</h2>
        <ChartLegend bucketMinutes={story.bucketMinutes} incidents />
        <ReportsChart
          series={story.series}
          incidents={[{ id: story.id, level: story.level, startedAt: story.startedAt, endedAt: story.endedAt }]}
          bucketMinutes={story.bucketMinutes}
          span="incident"
        />
        <SeriesTable
          series={story.series}
          caption={`People reporting per ${story.bucketMinutes} minutes around the incident`}
          testId="incident-series"
        />
      </section>

      <div className={styles["two-columns"]}>
        <section className="card" aria-labelledby="where-heading">
          <h2 id="where-heading">Where</h2>
          <IncidentRegions
            incidentId={story.id}
            slug={story.service.slug}
            regions={story.topRegions}
            total={story.regionTotal}
          />
        </section>
        <section className="card" aria-labelledby="what-heading">
          <h2 id="what-heading">What broke</h2>
          <ol className="ranked" data-testid="incident-symptoms">
            {story.topSymptoms.map((s) => (
              <li key={s.slug}>
                {s.label}: {formatCount(s.reporters)} people
              </li>
            ))}
          </ol>
        </section>
      </div>

      <ReportTexts
        items={readableTexts(story.texts, story.serviceSymptoms)}
        heading={story.endedAt ? "What people said" : "What people say"}
        note={`Comments sent ${story.endedAt ? "while it lasted" : "since it began"}, newest first (at most ${INCIDENT_TEXTS})`}
        empty={`Nobody has described the problem in words ${story.endedAt ? "while it lasted" : "since it began"}.`}
        cooldownMinutes={config().REPORT_COOLDOWN_MINUTES}
      />

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className={styles.timeline} data-testid="incident-timeline">
          {story.events.map((e, i) => (
            <li key={`${e.kind}-${e.at}-${i}`}>
              <LocalTime iso={e.at} withDate /> <strong>{EVENT_LABELS[e.kind]}</strong>
              {e.level ? ` (${STATUS_LABELS[e.level]})` : ""}
              {e.message ? `: ${e.message}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <p className="links">
        <IntentLink href={`/status/${story.service.slug}`}>{story.service.name} now</IntentLink>
        <IntentLink href="/incidents">All incidents</IntentLink>
        <IntentLink href={`/compare?category=${story.service.category}`}>
          Compare {story.service.name} with similar services
        </IntentLink>
      </p>
    </>
  );
}
