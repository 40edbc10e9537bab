import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { LocalTime } from "@/components/local-time";
import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { OFFICIAL_STATUS_LABELS, type OfficialStatus } from "@/lib/official/types";
import { TOGETHER_MS, MIN_TOGETHER } from "@/lib/upstreams/correlate";
import { causeById } from "@/lib/upstreams/queries";
import { formatCount, formatUtcDay } from "@/lib/text/format";

export async function generateMetadata({ params }: PageProps<"/[locale]/causes/[id]">): Promise<Metadata> {
  const id = pathId((await params).id);
  const cause = id === undefined ? null : await causeById(getReadDb(), id);
  if (!cause) return { title: "Not found" };
  return {
    title: `${cause.name}: ${cause.services.length} services at once on ${formatUtcDay(cause.startedAt.toISOString())}`,
    description: `Why Outage Radar named ${cause.name} as the likely common cause, with the evidence.`,
  };
}

/** One upstream event: which services broke together, when, and what the upstream itself said. */
export default async function CausePage({ params }: PageProps<"/[locale]/causes/[id]">) {
  const id = pathId((await params).id);
  const cause = id === undefined ? null : await causeById(getReadDb(), id);
  if (!cause) notFound();
  const kind = cause.kind === "cdn" ? "content delivery network" : "cloud provider";
  return (
    <>
      <Breadcrumb
        trail={[{ href: "/incidents", label: "Incidents" }]}
        current={`${cause.name}, ${formatUtcDay(cause.startedAt.toISOString())}`}
      />
      <h1>
        Likely common cause: {cause.name} ({formatCount(cause.services.length)}{" "}
        {cause.services.length === 1 ? "service" : "services"} at once)
      </h1>
      <p>
        {cause.endedAt ? "From " : "Since "}
        <LocalTime iso={cause.startedAt.toISOString()} withDate />
        {cause.endedAt ? (
          <>
            {" "}
            to <LocalTime iso={cause.endedAt.toISOString()} withDate />
          </>
        ) : null}
        , services that run on {cause.name}, a {kind}, broke together. That points at {cause.name} rather than at each
        service on its own; it is a likely cause, not a certainty.
      </p>
      <section className="card" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">The evidence</h2>
        <ul data-testid="cause-evidence">
          <li>
            {formatCount(cause.services.length)} of the services that publicly run on {cause.name} had incidents
            starting within {TOGETHER_MS / 60_000} minutes of each other.
          </li>
          {cause.official ? (
            <li>
              {cause.name}&apos;s own status page said{" "}
              <strong>
                {OFFICIAL_STATUS_LABELS[cause.official.status as OfficialStatus] ?? cause.official.status}
              </strong>
              {cause.official.title ? ` (“${cause.official.title}”)` : ""}, read at{" "}
              <LocalTime iso={cause.official.at} withDate />.
            </li>
          ) : (
            <li>{cause.name}&apos;s own status page showed no problem while this lasted.</li>
          )}
          {cause.crowdIncidentId ? (
            <li>
              People reported problems with {cause.name} itself:{" "}
              <IntentLink href={`/incidents/${cause.crowdIncidentId}`}>its incident</IntentLink>.
            </li>
          ) : null}
        </ul>
        <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="cause-services-caption">
          <table className="data" data-testid="cause-services">
            <caption id="cause-services-caption">Services affected, in the order they broke</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Problems began</th>
                <th scope="col">Incident</th>
              </tr>
            </thead>
            <tbody>
              {cause.services.map((s) => (
                <tr key={s.incidentId}>
                  <th scope="row">
                    <IntentLink href={`/status/${s.slug}`}>{s.name}</IntentLink>
                  </th>
                  <td>
                    <LocalTime iso={s.startedAt.toISOString()} withDate />
                  </td>
                  <td>
                    <IntentLink href={`/incidents/${s.incidentId}`}>#{s.incidentId}</IntentLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          We name a common cause when at least {MIN_TOGETHER} services that share it break together, or when one does
          while the upstream&apos;s own status page or its own users report trouble. Which services run on which
          upstream comes only from what the companies have said publicly.
        </p>
      </section>
    </>
  );
}
