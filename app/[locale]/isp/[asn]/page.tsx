import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { LocalTime } from "@/components/local-time";
import { StatusIcon } from "@/components/status-icon";
import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { networkPage } from "@/lib/isp/queries";
import { MIN_SERVICES, OPEN_RATIO, WINDOW_MINUTES } from "@/lib/isp/detect";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { formatDuration } from "@/lib/text/duration";
import { formatCount } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { NetworkDataCredit } from "@/components/network-data-credit";
import styles from "./page.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/isp/[asn]">): Promise<Metadata> {
  const asn = pathId((await params).asn);
  const page = asn === undefined ? null : await networkPage(getReadDb(), asn);
  if (!page) return { title: "Network not found" };
  return {
    title: `${page.name} down? Problems reported by its users`,
    description: `Whether ${page.name} (AS${page.asn}) users report problems with many services at once, and when they did.`,
  };
}

/** A network operator, like a service: whether its users are in trouble now, and when they were. */
export default async function NetworkOperatorPage({ params }: PageProps<"/[locale]/isp/[asn]">) {
  await connection();
  const asn = pathId((await params).asn);
  const page = asn === undefined ? null : await networkPage(getReadDb(), asn);
  if (!page) notFound();
  const level = page.open ? "possible" : "ok";
  return (
    <>
      <Breadcrumb trail={[]} current={page.name} />
      <h1>{page.name} down?</h1>
      <p className="muted">
        {page.fullName}, network AS{page.asn}
      </p>
      <section
        className={`${styles.banner} level-${level}`}
        aria-label="Current status"
        data-testid="isp-status"
        data-level={level}
      >
        <p role="status">
          <span className={`level-${level}`}>
            <StatusIcon level={level} size={22} />
          </span>{" "}
          {page.open ? (
            <>
              <strong>
                {page.name} users report problems with {formatCount(page.open.services.length)} services
              </strong>{" "}
              since <LocalTime iso={page.open.startedAt.toISOString()} />:{" "}
              {nameList(page.open.services.map((s) => s.name))}. If you are on {page.name}, the problem is probably your
              connection.
            </>
          ) : (
            <strong>No sign of trouble at {page.name}: its users report no more than usual.</strong>
          )}
        </p>
      </section>

      <section className="card" aria-labelledby="hour-heading">
        <h2 id="hour-heading">What its users reported in the last hour</h2>
        {page.lastHour.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="hour-caption">
            <table className="data" data-testid="isp-services">
              <caption id="hour-caption">Services reported by {page.name} users in the last hour</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">
                    People reporting
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.lastHour.map((s) => (
                  <tr key={s.slug}>
                    <th scope="row">
                      <IntentLink href={`/status/${s.slug}`}>{s.name}</IntentLink>
                    </th>
                    <td className="num">{formatCount(s.reporters)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>
            Too few of its users reported anything in the last hour to show (we show a service from{" "}
            {MIN_REGION_REPORTERS} people).
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">When its users had trouble</h2>
        {page.recent.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="history-caption">
            <table className="data" data-testid="isp-incidents">
              <caption id="history-caption">{page.name} network problems, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Began</th>
                  <th scope="col">Lasted</th>
                  <th scope="col">Services its users reported</th>
                  <th scope="col" className="num">
                    Users at the peak (usual)
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.recent.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <LocalTime iso={i.startedAt.toISOString()} withDate />
                    </td>
                    <td>
                      {i.endedAt
                        ? formatDuration(Math.round((i.endedAt.getTime() - i.startedAt.getTime()) / 60_000))
                        : "Ongoing"}
                    </td>
                    <td>{nameList(i.services.map((s) => s.name))}</td>
                    <td className="num">
                      {formatCount(i.peakReporters)} ({formatCount(Math.round(i.expected))})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No network problems recorded for {page.name}.</p>
        )}
        <p className="muted">
          We call it a network problem when, over {WINDOW_MINUTES} minutes, a network&apos;s users report at least{" "}
          {MIN_SERVICES} services and at least {OPEN_RATIO} times their usual share of everyone&apos;s reports, while
          people on other networks do not. Reports keep the network operator&apos;s number, never your address.{" "}
          <NetworkDataCredit />
        </p>
      </section>
    </>
  );
}
