import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentList } from "@/components/incident-list";
import { IntentLink } from "@/components/intent-link";
import { CountryServiceTable } from "@/components/country-service-table";
import { getReadDb } from "@/lib/db";
import { listIncidents } from "@/lib/incidents/queries";
import { cachedCountryServices } from "@/lib/regions/country-services";
import { country as findCountry } from "@/lib/regions/regions";
import { nameList } from "@/lib/text/name-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/country/[code]">): Promise<Metadata> {
  const c = findCountry((await params).code.toUpperCase());
  if (!c) return { title: "Country not found" };
  return {
    title: `Is it down in ${c.name}? Problems right now`,
    description: `Which services people in ${c.name} report problems with right now, compared with what is usual there.`,
  };
}

export default async function CountryHomePage({ params }: PageProps<"/[locale]/country/[code]">) {
  await connection();
  const c = findCountry((await params).code.toUpperCase());
  if (!c) notFound();
  const db = getReadDb();
  const [services, incidents] = await Promise.all([
    cachedCountryServices(db, c.code),
    listIncidents(db, { country: c.code }, 1, 10),
  ]);
  const unusual = services.filter((s) => s.band === "high" || s.band === "severe");
  const above = services.filter((s) => s.band === "elevated");

  return (
    <>
      <Breadcrumb trail={[]} current={c.name} />
      <h1>Problems in {c.name} right now</h1>
      <p data-testid="country-summary">
        {unusual.length > 0
          ? `Unusual reports from ${c.name} in the last hour for ${nameList(unusual.map((s) => s.name))}.`
          : `Nothing unusual reported from ${c.name} in the last hour.`}
        {above.length > 0 ? ` Above usual, less markedly: ${nameList(above.map((s) => s.name))}.` : ""}
      </p>
      <p>
        <IntentLink href={`/map/${c.code}`}>Outage map of {c.name}</IntentLink>
      </p>

      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">Services by how unusual their reports are</h2>
        <p className="muted">
          People in {c.name} reporting each service in the last hour, against what is usual there at this time.
        </p>
        <CountryServiceTable rows={services} caption={`Services reported from ${c.name} in the last hour`} />
      </section>

      <section className="section" aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Recent incidents in {c.name}</h2>
        <IncidentList
          items={incidents.items}
          caption={`Recent incidents in ${c.name}`}
          empty={`No incidents recorded in ${c.name} yet.`}
        />
      </section>
    </>
  );
}
