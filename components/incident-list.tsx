import Link from "next/link";
import type { IncidentSummary } from "@/lib/queries/incidents";
import { countryName } from "@/lib/regions/regions";
import { formatDuration } from "@/lib/text/duration";
import { nameList } from "@/lib/text/name-list";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** Incidents as a table: what, how bad, when, how long, where. Each row links to its story. */
export function IncidentList({
  items,
  caption,
  showService = true,
  empty = "No incidents match.",
}: {
  items: IncidentSummary[];
  caption: string;
  showService?: boolean;
  /** What to say when there are none. */
  empty?: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="incident-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            {showService ? <th scope="col">Service</th> : null}
            <th scope="col">Level</th>
            <th scope="col">Started</th>
            <th scope="col">Lasted</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link href={`/incidents/${i.id}`}>#{i.id}</Link>
              </th>
              {showService ? <td>{i.service.name}</td> : null}
              <td>
                <StatusBadge level={i.level} />
              </td>
              <td>
                <LocalTime iso={i.startedAt} withDate />
              </td>
              <td>{i.endedAt ? formatDuration(i.durationMinutes) : `ongoing, ${formatDuration(i.durationMinutes)}`}</td>
              <td>{i.regions.length ? nameList(i.regions.map(countryName), 3) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
