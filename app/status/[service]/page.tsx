import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { categoryLabel } from "@/lib/catalog/constants";
import { config } from "@/lib/config";
import { serviceSnapshot } from "@/lib/queries/service-snapshot";
import { findService } from "@/lib/queries/services";
import { COUNTRIES, subdivisionsOf } from "@/lib/regions/regions";
import { countryFromHeaders } from "@/lib/regions/from-request";
import { LiveActivity, LiveBanner } from "@/components/service-live";
import { ReportForm } from "@/components/report-form";
import { reportAction } from "./actions";

export async function generateMetadata({ params }: PageProps<"/status/[service]">): Promise<Metadata> {
  const service = await findService(getDb(), (await params).service);
  if (!service) return { title: "Service not found" };
  return {
    title: `${service.name} down? Current problems and outages`,
    description: `Is ${service.name} down? Live user reports, the last 24 hours of problems, and what to try.`,
  };
}

export default async function ServicePage({ params }: PageProps<"/status/[service]">) {
  const db = getDb();
  const service = await findService(db, (await params).service);
  if (!service) notFound();
  const [snapshot, requestHeaders] = await Promise.all([serviceSnapshot(db, service), headers()]);
  const country = countryFromHeaders(requestHeaders, config().REGION_HEADERS) ?? "US";

  return (
    <>
      <Breadcrumb
        trail={[{ href: `/?category=${service.category}`, label: categoryLabel(service.category) }]}
        current={service.name}
      />
      <h1>{service.name} down? Current status and problems</h1>
      <LiveBanner initial={snapshot} />
      <div className="service-layout">
        <div className="area-activity">
          <LiveActivity initial={snapshot} />
        </div>
        <aside className="card area-form" aria-label={`Report a problem with ${service.name}`}>
          <ReportForm
            action={reportAction}
            service={{ slug: service.slug, name: service.name, symptoms: service.symptoms }}
            countries={COUNTRIES.map((c) => ({ code: c.code, name: c.name }))}
            defaultCountry={country}
            defaultSubdivisions={subdivisionsOf(country).map((s) => ({ code: s.code, name: s.name }))}
          />
        </aside>
        <section className="card area-steps" aria-labelledby="steps-heading" id="troubleshooting">
          <h2 id="steps-heading">Not sure it&apos;s {service.name}? Try these first</h2>
          <ol className="steps">
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
            <Link href={`/status/${service.slug}/map`}>{service.name} outage map</Link>
          </p>
        </section>
      </div>
    </>
  );
}
