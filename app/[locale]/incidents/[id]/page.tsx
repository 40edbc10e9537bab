import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentRegions } from "@/components/incident-regions";
import { LocalTime } from "@/components/local-time";
import { ReportsChart } from "@/components/reports-chart";
import { sketchLines } from "@/components/chart-sketch-lines";
import { ChartLegend } from "@/components/series-details";
import { SeriesTable } from "@/components/series-table";
import { StatusBadge } from "@/components/status-badge";
import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { INCIDENT_TEXTS, incidentDetailForRequest } from "@/lib/incidents/queries";
import { ReportTexts } from "@/components/report-texts";
import { readableTexts } from "@/lib/reports/readable-texts";
import { formatDuration, periodArgs } from "@/lib/text/duration";
import { config } from "@/lib/config";
import { formatCount, formatUtcDay } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { regionNameIn } from "@/lib/regions/regions";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { officialForIncident, type IncidentOfficial } from "@/lib/official/views";
import { findServiceForRequest } from "@/lib/services/queries";
import { causeOfIncident } from "@/lib/upstreams/queries";
import styles from "./page.module.css";

type Messages = Awaited<ReturnType<typeof getTranslations<"Incident">>>;

/** "Reports rose 23 minutes before the official status page changed", or the other way round. */
function whoWasFirst(o: IncidentOfficial, t: Messages): string | null {
  const lead = o.reportsLeadMinutes;
  if (lead === null) return null;
  if (Math.abs(lead) < 1) return t("together");
  const minutes = Math.abs(lead);
  return lead > 0 ? t("reportsFirst", { minutes }) : t("officialFirst", { minutes });
}

export async function generateMetadata({ params }: PageProps<"/[locale]/incidents/[id]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "Incident" });
  const id = pathId(p.id);
  const story = id === undefined ? undefined : await incidentDetailForRequest(getReadDb(), id);
  if (!story) return { title: t("notFound") };
  const levels = await getTranslations({ locale, namespace: "Levels" });
  const title = t("title", {
    level: story.level,
    service: story.service.name,
    day: formatUtcDay(story.startedAt, locale),
  });
  const description = t("metaDescription", {
    level: levels(`${story.level}.label`),
    service: story.service.name,
    ended: story.endedAt ? "yes" : "no",
    duration: formatDuration(story.durationMinutes, locale),
    count: story.totalReporters,
    region: story.topRegions[0] ? regionNameIn(story.topRegions[0].code, locale) : "none",
  });
  return {
    title,
    description,
    alternates: localeAlternates(`/incidents/${story.id}`, locale),
    openGraph: { title, description, type: "article" },
  };
}

export default async function IncidentPage({ params }: PageProps<"/[locale]/incidents/[id]">) {
  const p = await params;
  const locale = pageLocale(p.locale);
  const id = pathId(p.id);
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
  const [t, levels, symptomName, time] = await Promise.all([
    getTranslations({ locale, namespace: "Incident" }),
    getTranslations({ locale, namespace: "Levels" }),
    getTranslations({ locale, namespace: "Symptoms" }),
    getTranslations({ locale, namespace: "Time" }),
  ]);
  const ended = story.endedAt ? "yes" : "no";
  const per = time("per", periodArgs(story.bucketMinutes));
  const duration = formatDuration(story.durationMinutes, locale);
  const detectedAfter = Math.round(
    (new Date(story.detectedAt).getTime() - new Date(story.startedAt).getTime()) / 60_000,
  );
  return (
    <>
      <Breadcrumb
        trail={[
          { href: `/status/${story.service.slug}`, label: story.service.name },
          { href: `/status/${story.service.slug}/incidents`, label: t("crumbIncidents") },
        ]}
        current={`#${story.id}`}
      />
      <h1>
        {t("title", { level: story.level, service: story.service.name, day: formatUtcDay(story.startedAt, locale) })}
      </h1>
      <p>
        <StatusBadge level={story.level} />{" "}
        {story.endedAt ? t("resolvedAfter", { duration }) : t("ongoingFor", { duration })}
      </p>

      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("factsHeading")}</h2>
        <dl className={styles.facts} data-testid="incident-facts">
          <dt>{t("started")}</dt>
          <dd>
            <LocalTime iso={story.startedAt} withDate />
          </dd>
          <dt>{t("detected")}</dt>
          <dd>
            <LocalTime iso={story.detectedAt} withDate />{" "}
            <span className={styles["fact-note"]}>{t("detectedAfter", { minutes: detectedAfter })}</span>
          </dd>
          <dt>{t("peak")}</dt>
          <dd>
            {story.peakAt ? <LocalTime iso={story.peakAt} withDate /> : "–"}
            {story.peakRate !== null ? (
              <span className={styles["fact-note"]}>
                {" "}
                {t("peakRate", {
                  rate: story.peakRate.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                })}
              </span>
            ) : null}
          </dd>
          <dt>{t("ended")}</dt>
          <dd>{story.endedAt ? <LocalTime iso={story.endedAt} withDate /> : t("notYet")}</dd>
          <dt>{t("duration")}</dt>
          <dd>{duration}</dd>
          <dt>{t("reporters")}</dt>
          <dd>
            {t("reportersValue", {
              total: formatCount(story.totalReporters, locale),
              peak: formatCount(story.peakReporters, locale),
              per,
            })}
          </dd>
          <dt>{t("regions")}</dt>
          <dd data-testid="incident-where">
            {story.regions.length
              ? nameList(
                  story.regions.map((r) => regionNameIn(r, locale)),
                  5,
                  "and",
                  locale,
                )
              : "–"}
          </dd>
          <dt>{t("cause")}</dt>
          <dd>{story.cause ? t(`causes.${story.cause}`) : t("causeUnknown")}</dd>
          {cause ? (
            <>
              <dt>{t("commonCause")}</dt>
              <dd data-testid="incident-cause">
                <IntentLink href={`/causes/${cause.id}`}>{cause.name}</IntentLink>:{" "}
                {t("commonCauseValue", { count: cause.services.length })}
              </dd>
            </>
          ) : null}
          {official?.polled ? (
            <>
              <dt>{t("official")}</dt>
              <dd data-testid="incident-official">
                {official.match ? (
                  <>
                    {t.rich("officialPosted", {
                      service: story.service.name,
                      title: official.match.title,
                      quote: (chunks) =>
                        official.match?.url ? (
                          <a href={official.match.url} rel="noopener external">
                            “{chunks}”
                          </a>
                        ) : (
                          <>“{chunks}”</>
                        ),
                      time: () => <LocalTime iso={official.match!.postedAt.toISOString()} withDate />,
                    })}{" "}
                    <strong>{whoWasFirst(official, t)}</strong>
                  </>
                ) : story.endedAt ? (
                  t("noOfficialEnded", { service: story.service.name })
                ) : (
                  t("noOfficialYet", { service: story.service.name })
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("chartHeading")}</h2>
        <ChartLegend bucketMinutes={story.bucketMinutes} incidents />
        <ReportsChart
          series={story.series}
          lines={sketchLines(story.series)}
          incidents={[{ id: story.id, level: story.level, startedAt: story.startedAt, endedAt: story.endedAt }]}
          bucketMinutes={story.bucketMinutes}
          span="incident"
        />
        <SeriesTable series={story.series} caption={t("seriesCaption", { per })} testId="incident-series" />
      </section>

      <div className={styles["two-columns"]}>
        <section className="card" aria-labelledby="where-heading">
          <h2 id="where-heading">{t("whereHeading")}</h2>
          <IncidentRegions
            incidentId={story.id}
            slug={story.service.slug}
            regions={story.topRegions}
            total={story.regionTotal}
          />
        </section>
        <section className="card" aria-labelledby="what-heading">
          <h2 id="what-heading">{t("whatHeading")}</h2>
          <ol className="ranked" data-testid="incident-symptoms">
            {story.topSymptoms.map((s) => (
              <li key={s.slug}>
                {t("symptomCount", {
                  symptom: symptomName.has(s.slug) ? symptomName(s.slug) : s.label,
                  count: s.reporters,
                })}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <ReportTexts
        items={readableTexts(story.texts, story.serviceSymptoms)}
        heading={t("textsHeading", { ended })}
        note={t("textsNote", { ended, max: INCIDENT_TEXTS })}
        empty={t("textsEmpty", { ended })}
        cooldownMinutes={config().REPORT_COOLDOWN_MINUTES}
      />

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("timelineHeading")}</h2>
        <ol className={styles.timeline} data-testid="incident-timeline">
          {story.events.map((e, i) => (
            <li key={`${e.kind}-${e.at}-${i}`}>
              <LocalTime iso={e.at} withDate /> <strong>{t(`events.${e.kind}`)}</strong>
              {e.level ? ` (${levels(`${e.level}.label`)})` : ""}
              {e.message ? `: ${e.message}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <p className="links">
        <IntentLink href={`/status/${story.service.slug}`}>
          {t("serviceNow", { service: story.service.name })}
        </IntentLink>
        <IntentLink href="/incidents">{t("allIncidents")}</IntentLink>
        <IntentLink href={`/compare?category=${story.service.category}`}>
          {t("compare", { service: story.service.name })}
        </IntentLink>
      </p>
    </>
  );
}
