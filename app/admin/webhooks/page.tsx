import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { ConsoleForm } from "@/components/console-form";
import { ConsoleNav } from "@/components/console-nav";
import styles from "@/components/console.module.css";
import { WEBHOOK_EVENTS } from "@/lib/catalog/constants";
import { getDb } from "@/lib/db";
import { consoleAccess } from "@/lib/http/console-session";
import { pathId } from "@/lib/http/path-id";
import { formatUtcTime } from "@/lib/text/format";
import { deliveryLog, listWebhooks } from "@/lib/webhooks/manage";
import { addWebhook, pingWebhook, removeWebhook, signOut, switchWebhookOn } from "../actions";
import { ConsoleRefusal } from "../refusal";

export const metadata: Metadata = { title: "Webhooks" };

/** Webhooks, their state and delivery logs; adding, testing, switching back on and removing them. */
export default async function WebhooksConsolePage({ searchParams }: PageProps<"/admin/webhooks">) {
  const access = await consoleAccess("read");
  if (!access.ok) return <ConsoleRefusal access={access} />;
  const { actor } = access;
  const canManage = actor.scopes.includes("webhooks");
  const db = getDb();
  const hooks = await listWebhooks(db);
  const logParam = (await searchParams).log;
  const logId = typeof logParam === "string" ? pathId(logParam) : undefined;
  const log = logId === undefined ? null : await deliveryLog(db, logId, 50);
  return (
    <>
      <ConsoleNav current="webhooks" actor={actor} signOut={signOut} />
      <h1>Webhooks</h1>
      {hooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <div className={`data-table-wrap ${styles.tall}`} tabIndex={0} role="region" aria-label="Webhooks">
          <table className="data">
            <caption className="visually-hidden">Webhooks</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Address</th>
                <th scope="col">Events</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((h) => (
                <tr key={h.id}>
                  <td>{h.id}</td>
                  <td className={styles.wrap}>
                    {h.url}
                    {h.service ? ` (only ${h.service})` : ""}
                  </td>
                  <td>{h.events.join(", ")}</td>
                  <td>
                    {h.disabledAt ? `Switched off ${formatUtcTime(h.disabledAt, true)}: ${h.disabledReason}` : "On"}
                  </td>
                  <td>
                    <IntentLink href={`/admin/webhooks?log=${h.id}`} aria-label={`Delivery log of webhook ${h.id}`}>
                      Log
                    </IntentLink>{" "}
                    {canManage && (
                      <>
                        <ConsoleForm
                          inline
                          action={pingWebhook}
                          hidden={{ id: String(h.id) }}
                          submit="Test"
                          label={`Send a test delivery to webhook ${h.id}`}
                        />
                        {h.disabledAt && (
                          <ConsoleForm
                            inline
                            action={switchWebhookOn}
                            hidden={{ id: String(h.id) }}
                            submit="Switch on"
                            label={`Switch webhook ${h.id} on again`}
                          />
                        )}
                        <ConsoleForm
                          inline
                          action={removeWebhook}
                          hidden={{ id: String(h.id) }}
                          submit="Remove"
                          label={`Remove webhook ${h.id}`}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {log && (
        <section className="card" aria-labelledby="log">
          <h2 id="log">Delivery log of webhook {logId}</h2>
          {!log.ok ? (
            <p role="alert">{log.message}</p>
          ) : log.value.length === 0 ? (
            <p>Nothing sent yet.</p>
          ) : (
            <div className="data-table-wrap" tabIndex={0} role="region" aria-label="Deliveries">
              <table className="data">
                <caption className="visually-hidden">The newest 50 deliveries</caption>
                <thead>
                  <tr>
                    <th scope="col">Queued</th>
                    <th scope="col">Event</th>
                    <th scope="col">State</th>
                    <th scope="col" className="num">
                      Attempts
                    </th>
                    <th scope="col">Last answer</th>
                  </tr>
                </thead>
                <tbody>
                  {log.value.map((d) => (
                    <tr key={d.id}>
                      <td>{formatUtcTime(d.createdAt, true)}</td>
                      <td>
                        {d.event}
                        {d.incidentId ? ` #${d.incidentId}` : ""}
                      </td>
                      <td>{d.state}</td>
                      <td className="num">{d.attempts}</td>
                      <td>{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {canManage && (
        <section className="card" aria-labelledby="add">
          <h2 id="add">Add a webhook</h2>
          <ConsoleForm action={addWebhook} submit="Add webhook">
            <div>
              <label className="label" htmlFor="url">
                Address (https://)
              </label>
              <input id="url" name="url" type="url" required placeholder="https://example.com/hooks/outage-radar" />
            </div>
            <fieldset>
              <legend>Events</legend>
              <div className={styles.checks}>
                {WEBHOOK_EVENTS.map((e) => (
                  <label key={e}>
                    <input type="checkbox" name="events" value={e} defaultChecked /> {e}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <label className="label" htmlFor="service">
                Only this service (optional)
              </label>
              <input id="service" name="service" type="text" placeholder="tiktok" aria-describedby="service-hint" />
              <p className="hint" id="service-hint">
                The service&apos;s short name, as in its page&apos;s address; leave empty for every service.
              </p>
            </div>
          </ConsoleForm>
        </section>
      )}
    </>
  );
}
