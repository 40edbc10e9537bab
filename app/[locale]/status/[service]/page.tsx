import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { headers } from "next/headers";
import { getReadDb } from "@/lib/db";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { currentLevel } from "@/lib/reports/service-cache";
import { config } from "@/lib/config";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { listIncidents } from "@/lib/incidents/queries";
import { IncidentList } from "@/components/incident-list";
import { findServiceForRequest } from "@/lib/services/queries";
import { countryOptionsIn, subdivisionsOf } from "@/lib/regions/regions";
import { stepsOf } from "@/lib/services/steps";
import { countryFromHeaders } from "@/lib/regions/from-request";
import { LiveRefresh } from "@/components/live-refresh";
import { RegionMapPreview } from "@/components/region-map-preview";
import { LiveActivity, LiveBanner, LiveReportTexts } from "@/components/service-live";
import { sketchLines } from "@/components/chart-sketch-lines";
import { ReportForm } from "@/components/report-form";
import { reportAction } from "./actions";
import { PAGE_TEXTS } from "@/lib/services/api-views";
import { officialView } from "@/lib/official/views";
import { OfficialStatusLine } from "@/components/official-status";
import { causesForService } from "@/lib/upstreams/queries";
import { CommonCause } from "@/components/common-causes";
import { ispIncidentsForService } from "@/lib/isp/queries";
import { IspNotice } from "@/components/isp-notice";
import styles from "./page.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/status/[service]">): Promise<Metadata> {
  const db = getReadDb();
  const { service: slug, locale: asked } = await params;
  const locale = pageLocale(asked);
  const t = await getTranslations({ locale, namespace: "Status" });
  const service = await findServiceForRequest(db, slug);
  if (!service) return { title: t("notFound") };
  const level = await currentLevel(db, service.id);
  const levels = await getTranslations({ locale, namespace: "Levels" });
  const title = t("metaTitle", { name: service.name });
  const description = t("metaDescription", { level: levels(`${level}.label`), name: service.name });
  return {
    title,
    description,
    alternates: localeAlternates(`/status/${service.slug}`, locale),
    openGraph: { title, description, siteName: "Outage Radar", type: "website" },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function ServicePage({ params }: PageProps<"/[locale]/status/[service]">) {
  const db = getReadDb();
  const { service: slug, locale: asked } = await params;
  const locale = pageLocale(asked);
  const service = await findServiceForRequest(db, slug);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "Status" });
  const categories = await getTranslations({ locale, namespace: "Categories" });
  const drawnAt = new Date();
  const [snapshot, regions, recent, requestHeaders, official, causes, isps] = await Promise.all([
    serviceSnapshot(db, service, drawnAt),
    cachedRegionActivity(db, { serviceId: service.id, country: null }, 60),
    listIncidents(db, { service: service.slug }, 1, 5),
    headers(),
    officialView(db, service.id, service.statusPage, drawnAt),
    causesForService(db, service.id),
    ispIncidentsForService(db, service.id),
  ]);
  const country = countryFromHeaders(requestHeaders, config().REGION_HEADERS) ?? "US";
  const cooldownMinutes = config().REPORT_COOLDOWN_MINUTES;

  return (
    <>
      <Breadcrumb
        trail={[{ href: `/?category=${service.category}`, label: categories(service.category) }]}
        current={service.name}
      />
      <h1>{t("heading", { name: service.name })}</h1>
      {/* The chart follows its own data; the map preview follows with the rest of the page. */}
      <LiveRefresh
        seconds={60}
        drawnAt={Date.parse(snapshot.generatedAt)}
        events={`/api/v1/services/${encodeURIComponent(service.slug)}/events`}
      />
      <LiveBanner initial={snapshot} />
      {official ? <OfficialStatusLine official={official} name={service.name} drawnAt={drawnAt} /> : null}
      {causes.map((c) => (
        <CommonCause key={c.id} cause={c} exclude={service.id} />
      ))}
      {isps.map((i) => (
        <IspNotice key={i.id} incident={i} serviceName={service.name} />
      ))}
      <div className={styles["service-layout"]}>
        <div className={styles["area-activity"]}>
          <LiveActivity initial={snapshot} lines={sketchLines(snapshot.series)} />
          <RegionMapPreview rows={regions} serviceName={service.name} slug={service.slug} />
          <LiveReportTexts
            initial={snapshot}
            heading={t("textsHeading")}
            note={t("textsNote", { hours: PAGE_TEXTS.hours })}
            empty={t("textsEmpty", { name: service.name, hours: PAGE_TEXTS.hours })}
            cooldownMinutes={cooldownMinutes}
          />
          <section className="card" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">{t("incidentsHeading")}</h2>
            <IncidentList
              items={recent.items}
              caption={t("incidentsCaption", { name: service.name })}
              showService={false}
              empty={t("noIncidents", { name: service.name })}
            />
            {recent.total > 0 ? (
              <p className="links">
                <IntentLink href={`/status/${service.slug}/incidents`}>
                  {t("allIncidents", { count: recent.total, name: service.name })}
                </IntentLink>
              </p>
            ) : null}
          </section>
        </div>
        <div className={styles["area-form"]}>
          <aside className="card" aria-label={t("reportLabel", { name: service.name })}>
            <ReportForm
              action={reportAction}
              service={{ slug: service.slug, name: service.name, symptoms: service.symptoms }}
              countryOptions={countryOptionsIn(locale)}
              defaultCountry={country}
              defaultSubdivisions={subdivisionsOf(country).map((s) => ({ code: s.code, name: s.name }))}
              cooldownMinutes={cooldownMinutes}
            />
          </aside>
          <section className="card" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">{t("alertsHeading", { name: service.name })}</h2>
            <p>{t("alertsBody")}</p>
            <p className="links">
              <IntentLink className="button" href={`/alerts?service=${service.slug}`}>
                {t("notifyMe")}
              </IntentLink>
            </p>
          </section>
        </div>
        <section className={`card ${styles["area-steps"]}`} aria-labelledby="steps-heading" id="troubleshooting">
          <h2 id="steps-heading">{t("stepsHeading", { name: service.name })}</h2>
          <ol className={styles.steps}>
            {(await stepsOf(service, locale)).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="links">
            {service.statusPage ? (
              <a href={service.statusPage} rel="noopener external">
                {t("officialPage", { name: service.name })}
              </a>
            ) : (
              <span className="muted">{t("noOfficialPage", { name: service.name })}</span>
            )}
            <a href={service.website} rel="noopener external">
              {t("website", { name: service.name })}
            </a>
            <IntentLink href={`/status/${service.slug}/map`}>{t("outageMap", { name: service.name })}</IntentLink>
          </p>
        </section>
      </div>
    </>
  );
}
