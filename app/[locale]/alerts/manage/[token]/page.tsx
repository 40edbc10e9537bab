import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/intent-link";
import { ALERT_LEVEL_LABELS, CHANNEL_LABELS } from "@/lib/alerts/levels";
import { subscriptionView } from "@/lib/alerts/view";
import { getDb } from "@/lib/db";
import { countryName } from "@/lib/regions/regions";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { dropServiceAction, unsubscribeAction } from "../../actions";
import styles from "../../alerts.module.css";

export const metadata: Metadata = { title: "Your alerts", robots: { index: false } };

const STATE_LABELS = { pending: "Waiting", sent: "Sent", failed: "Failed", skipped: "Not sent" } as const;
const CHANGE_LABELS: Record<string, string> = {
  opened: "Problems began",
  escalated: "Became an outage",
  resolved: "Recovered",
};

/** Whoever holds the link sees what the subscription follows and what was sent, and can stop it. */
export default async function ManagePage({ params, searchParams }: PageProps<"/[locale]/alerts/manage/[token]">) {
  const { token } = await params;
  const flags = await searchParams;
  // The primary: right after confirming or changing, a replica may not have the row yet.
  const view = await subscriptionView(getDb(), token);
  if (!view)
    return (
      <>
        <h1>No alerts here</h1>
        <div className="card">
          <p>This subscription does not exist: it was stopped, or the link is incomplete.</p>
          <p className="links">
            <Link href="/alerts">Subscribe to alerts</Link>
          </p>
        </div>
      </>
    );
  return (
    <>
      <h1>Your alerts</h1>
      {flags.confirmed ? (
        <div className="notice notice-info" role="status">
          <strong>Your alerts are on.</strong>
          <p>Keep this page&apos;s address (it is in every alert too): it is how you change or stop them.</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="what-heading">
        <h2 id="what-heading">What you follow</h2>
        <p>
          {CHANNEL_LABELS[view.channel]} to <strong>{view.target}</strong>:{" "}
          {ALERT_LEVEL_LABELS[view.level].toLowerCase()}
          {view.countries.length ? ` in ${nameList(view.countries.map(countryName))}` : ", in any country"}. Since{" "}
          {formatUtcTime(view.createdAt, true)}.
        </p>
        <ul className={styles.services}>
          {view.services.map((s) => (
            <li key={s.slug}>
              <form action={dropServiceAction}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="service" value={s.slug} />
                <Link href={`/status/${s.slug}`}>{s.name}</Link>{" "}
                <button className={styles.stop} type="submit" aria-label={`Stop alerts about ${s.name}`}>
                  Stop
                </button>
              </form>
            </li>
          ))}
        </ul>
        <p className="links">
          <Link href="/alerts">Add services (as a new request with the same address)</Link>
        </p>
        <form action={unsubscribeAction}>
          <input type="hidden" name="token" value={token} />
          <button className="button" type="submit">
            Unsubscribe from everything
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">What was sent</h2>
        {view.deliveries.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="log-heading">
            <table className="data">
              <caption className="visually-hidden">The newest alerts for this subscription</caption>
              <thead>
                <tr>
                  <th scope="col">When it changed</th>
                  <th scope="col">Service</th>
                  <th scope="col">Change</th>
                  <th scope="col">Message</th>
                  <th scope="col">Sent</th>
                </tr>
              </thead>
              <tbody>
                {view.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{formatUtcTime(d.changedAt, true)}</td>
                    <td>
                      <Link href={`/incidents/${d.incidentId}`}>{d.service}</Link>
                    </td>
                    <td>{CHANGE_LABELS[d.change] ?? d.change}</td>
                    <td>
                      {STATE_LABELS[d.state]}
                      {d.note ? `: ${d.note}` : ""}
                      {d.attempts > 1 ? ` (${d.attempts} tries)` : ""}
                    </td>
                    <td>{d.sentAt ? formatUtcTime(d.sentAt, true) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Nothing yet: you will be told when one of these services has problems.</p>
        )}
      </section>
    </>
  );
}
