import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { headers } from "next/headers";
import { getReadDb } from "@/lib/db";
import { categoryLabel, STATUS_LABELS } from "@/lib/catalog/constants";
import { currentLevel } from "@/lib/reports/service-cache";
import { config } from "@/lib/config";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { listIncidents } from "@/lib/incidents/queries";
import { IncidentList } from "@/components/incident-list";
import { findServiceForRequest } from "@/lib/services/queries";
import { COUNTRIES, subdivisionsOf } from "@/lib/regions/regions";
import { countryFromHeaders } from "@/lib/regions/from-request";
import { LiveRefresh } from "@/components/live-refresh";
import { RegionMapPreview } from "@/components/region-map-preview";
import { LiveActivity, LiveBanner, LiveReportTexts } from "@/components/service-live";
import { ReportForm } from "@/components/report-form";
import { reportAction } from "./actions";
import { formatCount } from "@/lib/text/format";
import { PAGE_TEXTS } from "@/lib/services/api-views";
import { officialView } from "@/lib/official/views";
import { OfficialStatusLine } from "@/components/official-status";
import { causesForService } from "@/lib/upstreams/queries";
import { CommonCause } from "@/components/common-causes";
import { ispIncidentsForService } from "@/lib/isp/queries";
import { IspNotice } from "@/components/isp-notice";
import styles from "./page.module.css";

export async function generateMetadata({ params }: PageProps<"/status/[service]">): Promise<Metadata> {
  const db = getReadDb();
  const service = await findServiceForRequest(db, (await params).service);
  if (!service) return { title: "Service not found" };
  const level = await currentLevel(db, service.id);
  const title = `${service.name} down? Current problems and outages`;
  const description = `${STATUS_LABELS[level]} at ${service.name} right now. Live user reports, the last 24 hours of problems, and what to try.`;
  return {
    title,
    description,
    alternates: { canonical: `/status/${service.slug}` },
    openGraph: { title, description, siteName: "Outage Radar", type: "website" },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function ServicePage({ params }: PageProps<"/status/[service]">) {
  const db = getReadDb();
  const service = await findServiceForRequest(db, (await params).service);
  if (!service) notFound();
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
        trail={[{ href: `/?category=${service.category}`, label: categoryLabel(service.category) }]}
        current={service.name}
      />
      <h1>{service.name} down? Current status and problems</h1>
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
          <LiveActivity initial={snapshot} />
          <RegionMapPreview rows={regions} serviceName={service.name} slug={service.slug} />
          <LiveReportTexts
            initial={snapshot}
            heading="What people say"
            note={`The newest comments from the last ${PAGE_TEXTS.hours} hours`}
            empty={`Nobody has described a problem with ${service.name} in the last ${PAGE_TEXTS.hours} hours. If something is wrong for you, say what in the report form.`}
            cooldownMinutes={cooldownMinutes}
          />
          <section className="card" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">Recent incidents</h2>
            <IncidentList
              items={recent.items}
              caption={`Recent ${service.name} incidents`}
              showService={false}
              empty={`No incidents detected for ${service.name}.`}
            />
            {recent.total > 0 ? (
              <p className="links">
                <IntentLink href={`/status/${service.slug}/incidents`}>
                  All {formatCount(recent.total)} {service.name} incidents
                </IntentLink>
              </p>
            ) : null}
          </section>
        </div>
        <div className={styles["area-form"]}>
          <aside className="card" aria-label={`Report a problem with ${service.name}`}>
            <ReportForm
              action={reportAction}
              service={{ slug: service.slug, name: service.name, symptoms: service.symptoms }}
              countries={COUNTRIES.map((c) => ({ code: c.code, name: c.name }))}
              defaultCountry={country}
              defaultSubdivisions={subdivisionsOf(country).map((s) => ({ code: s.code, name: s.name }))}
              cooldownMinutes={cooldownMinutes}
            />
          </aside>
          <section className="card" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">Get told when {service.name} breaks</h2>
            <p>
              An e-mail, browser notification or chat message when problems start and when they end. No account needed.
            </p>
            <p className="links">
              <IntentLink className="button" href={`/alerts?service=${service.slug}`}>
                Notify me
              </IntentLink>
            </p>
          </section>
        </div>
        <section className={`card ${styles["area-steps"]}`} aria-labelledby="steps-heading" id="troubleshooting">
          <h2 id="steps-heading">Not sure it&apos;s {service.name}? Try these first</h2>
          <ol className={styles.steps}>
            {service.troubleshooting.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="links">
            {service.statusPage ? (
              <a href={service.statusPage} rel="noopener external">
                {service.name}&apos;s official status page
              </a>
            ) : (
              <span className="muted">{service.name} has no public status page.</span>
            )}
            <a href={service.website} rel="noopener external">
              {service.name} website
            </a>
            <IntentLink href={`/status/${service.slug}/map`}>{service.name} outage map</IntentLink>
          </p>
        </section>
      </div>
    </>
  );
}
