import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { ConsoleForm } from "@/components/console-form";
import { ConsoleNav } from "@/components/console-nav";
import styles from "@/components/console.module.css";
import { CAUSE_LABELS, INCIDENT_CAUSES, STATUS_LABELS } from "@/lib/catalog/constants";
import { getDb } from "@/lib/db";
import { consoleAccess } from "@/lib/http/console-session";
import { listIncidents, type IncidentSummary } from "@/lib/incidents/queries";
import { formatUtcTime } from "@/lib/text/format";
import { merge, postUpdate, setCause, signOut, split } from "../actions";
import { ConsoleRefusal } from "../refusal";

export const metadata: Metadata = { title: "Incidents" };

/** The datetime-local value of an instant, in UTC (the form says so). */
const utcInput = (iso: string) => iso.slice(0, 16);

function IncidentTools({ incident }: { incident: IncidentSummary }) {
  const id = String(incident.id);
  const field = (name: string) => `incident-${id}-${name}`;
  return (
    <div className={styles.grid}>
      <ConsoleForm action={setCause} hidden={{ id }} submit="Set cause">
        <div>
          <label className="label" htmlFor={field("cause")}>
            Cause
          </label>
          <select id={field("cause")} name="cause" defaultValue={incident.cause ?? ""} required>
            <option value="" disabled>
              Choose…
            </option>
            {INCIDENT_CAUSES.map((c) => (
              <option key={c} value={c}>
                {CAUSE_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      </ConsoleForm>
      <ConsoleForm action={postUpdate} hidden={{ id }} submit="Post update">
        <div>
          <label className="label" htmlFor={field("update")}>
            Official update from {incident.service.name}
          </label>
          <textarea id={field("update")} name="message" required maxLength={2000} />
        </div>
      </ConsoleForm>
      {incident.endedAt && (
        <>
          <ConsoleForm action={merge} hidden={{ id }} submit="Merge">
            <div>
              <label className="label" htmlFor={field("into")}>
                Same outage as incident number…
              </label>
              <input id={field("into")} name="into" type="number" min={1} required inputMode="numeric" />
              <p className="hint">This incident becomes part of that one, which keeps both timelines.</p>
            </div>
          </ConsoleForm>
          <ConsoleForm action={split} hidden={{ id }} submit="Split">
            <div>
              <label className="label" htmlFor={field("at")}>
                Split at (UTC)
              </label>
              <input
                id={field("at")}
                name="at"
                type="datetime-local"
                required
                min={utcInput(incident.startedAt)}
                max={utcInput(incident.endedAt)}
                aria-describedby={field("at-hint")}
              />
              <p className="hint" id={field("at-hint")}>
                From this minute on becomes a new incident.
              </p>
            </div>
          </ConsoleForm>
        </>
      )}
    </div>
  );
}

const ENDED_SHOWN = 30;

/** Recent incidents, each with what a moderator can do to it: cause, official update, merge, split. */
export default async function IncidentsConsolePage() {
  const access = await consoleAccess("read");
  if (!access.ok) return <ConsoleRefusal access={access} />;
  const { actor } = access;
  // Every open incident, however many broke at once (an upstream can take out a dozen), and the
  // newest ended ones: only those can be merged or split.
  const [open, ended] = await Promise.all([
    listIncidents(getDb(), { open: true }, 1, 200),
    listIncidents(getDb(), { open: false }, 1, ENDED_SHOWN),
  ]);
  const items = [...open.items, ...ended.items];
  return (
    <>
      <ConsoleNav current="incidents" actor={actor} signOut={signOut} />
      <h1>Incidents</h1>
      <p className="muted">
        Every open incident, then the {ENDED_SHOWN} newest that have ended. Merge two that were one outage; split one
        that joined two; say what caused it; copy the company&apos;s own updates into its timeline. An open incident
        belongs to the detector until it ends.
      </p>
      {items.map((incident) => (
        <section key={incident.id} className={styles.incident} aria-labelledby={`incident-${incident.id}`}>
          <h2 id={`incident-${incident.id}`}>
            #{incident.id} {incident.service.name}: {STATUS_LABELS[incident.level]}
          </h2>
          <p className="small">
            {formatUtcTime(incident.startedAt, true)} to{" "}
            {incident.endedAt ? formatUtcTime(incident.endedAt, true) : "now (still open)"}
            {incident.cause ? ` · cause: ${CAUSE_LABELS[incident.cause]}` : ""} ·{" "}
            <IntentLink href={`/incidents/${incident.id}`}>public page</IntentLink>
          </p>
          {actor.scopes.includes("moderate") && <IncidentTools incident={incident} />}
        </section>
      ))}
    </>
  );
}
