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
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { cachedScorecards } from "@/lib/official/scorecard";
import { ScorecardByWindow } from "@/components/scorecard-table";
import styles from "./page.module.css";

const PAGE_SIZE = 25;

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/status/[service]/incidents">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "ServiceHistory" });
  const service = await findServiceForRequest(getReadDb(), p.service);
  if (!service) return { title: t("notFound") };
  return {
    title: t("title", { service: service.name }),
    description: t("metaDescription", { service: service.name }),
    // Languages only: a later page of the list is not a copy of the first, so it names no canonical.
    alternates: {
      languages: localeAlternates(`/status/${service.slug}/incidents`, locale).languages,
      types: {
        "application/atom+xml": [
          { url: `/status/${service.slug}/incidents/feed.atom`, title: t("feedTitle", { service: service.name }) },
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
  const p = await params;
  const locale = pageLocale(p.locale);
  const service = await findServiceForRequest(db, p.service);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "ServiceHistory" });
  const { page } = incidentQuery(await searchParams);
  const [{ items, total }, stats, scorecards] = await Promise.all([
    listIncidents(db, { service: service.slug }, page, PAGE_SIZE),
    cachedServiceStats(db, service.id),
    cachedScorecards(db, service.slug),
  ]);
  const scored = scorecards[0]!.services.length > 0;
  return (
    <>
      <Breadcrumb trail={[{ href: `/status/${service.slug}`, label: service.name }]} current={t("crumb")} />
      <h1>{t("title", { service: service.name })}</h1>
      <p className="muted" data-testid="incident-count">
        {t("count", { count: total })}
      </p>
      <p className={styles["feed-links"]}>
        <a href={`/status/${service.slug}/incidents/feed.atom`}>{t("feed")}</a>
        <a href={`/status/${service.slug}/badge.svg`}>{t("badge")}</a>
        <a href="/api/v1/openapi.json">API</a>
      </p>
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t("recordHeading")}</h2>
        <ServiceStatsList stats={stats} />
        <DowntimeHeatmap heatmap={stats.heatmap} serviceName={service.name} />
      </section>
      {scored ? (
        <section aria-labelledby="scorecard-heading">
          <h2 id="scorecard-heading">{t("scorecardHeading", { service: service.name })}</h2>
          <ScorecardByWindow
            reports={scorecards}
            caption={t("scorecardCaption", { service: service.name })}
            testId="scorecard-service"
          />
          <p className="muted">
            {t.rich("howCompared", { link: (chunks) => <a href="/about#scorecard">{chunks}</a> })}
          </p>
        </section>
      ) : null}
      <h2>{t("incidentsHeading")}</h2>
      <IncidentList items={items} caption={t("incidentsCaption", { service: service.name })} showService={false} />
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        basePath={`/status/${service.slug}/incidents`}
        params={{}}
      />
    </>
  );
}
