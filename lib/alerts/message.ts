import type { StatusLevel } from "@/lib/catalog/constants";
import { regionName } from "@/lib/regions/regions";
import { formatDuration } from "@/lib/text/duration";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";

/** What happened to an incident that subscribers hear about. */
export type AlertChange = "opened" | "escalated" | "resolved";

/** An incident as a message tells it: names, not ids, and the numbers people can weigh. */
export interface AlertIncident {
  id: number;
  service: { slug: string; name: string };
  level: Exclude<StatusLevel, "ok">;
  startedAt: string;
  endedAt: string | null;
  /** Distinct reporters per minute at the peak. */
  peakRate: number | null;
  /** ISO 3166 codes (countries, or subdivisions such as US-NY). */
  regions: readonly string[];
  /** The symptoms' names as the service page shows them ("Login", "Sending messages"). */
  symptoms: readonly string[];
}

/** One message in words, the same for every channel: each channel only lays it out. */
export interface AlertMessage {
  /** A line that stands alone: an e-mail's subject, a notification's title, a chat message's heading. */
  title: string;
  /** Sentences with the numbers, the regions and the symptoms. */
  body: string;
  /** Where to read more: the incident page, or for a digest the home page. */
  url: string;
}

const LEVEL_WORDS = { possible: "possible problems", outage: "an outage" } as const;

const perMinute = (rate: number) =>
  rate >= 10 ? `${Math.round(rate)} people a minute` : `${rate.toFixed(1)} people a minute`;

/** What one incident's change means, in sentences. */
export function alertMessage(change: AlertChange, incident: AlertIncident, origin: string): AlertMessage {
  const name = incident.service.name;
  const since = `since ${formatUtcTime(incident.startedAt, true)}`;
  const where = incident.regions.length ? `Most reports come from ${nameList(incident.regions.map(regionName))}.` : "";
  const what = incident.symptoms.length ? `Most reported: ${nameList(incident.symptoms)}.` : "";
  const peak = incident.peakRate !== null ? `At the peak, ${perMinute(incident.peakRate)} reported a problem.` : "";
  let title: string;
  let opening: string;
  switch (change) {
    case "opened":
      title = incident.level === "outage" ? `${name} is down` : `Possible problems at ${name}`;
      opening = `People are reporting ${LEVEL_WORDS[incident.level]} at ${name}, ${since}.`;
      break;
    case "escalated":
      title = `${name} is down`;
      opening = `Reports of problems at ${name} have grown into an outage (${since}).`;
      break;
    case "resolved": {
      const lasted =
        incident.endedAt !== null
          ? ` after ${formatDuration((Date.parse(incident.endedAt) - Date.parse(incident.startedAt)) / 60_000)}`
          : "";
      title = `${name} is back to normal`;
      opening = `Reports at ${name} are back to the usual level${lasted}; the problems began ${formatUtcTime(incident.startedAt, true)}.`;
      break;
    }
  }
  return {
    title,
    body: [opening, peak, where, what].filter(Boolean).join(" "),
    url: `${origin}/incidents/${incident.id}`,
  };
}

/**
 * Many subscribed services changing at once (one upstream failure can take out dozens): one
 * message naming them all, instead of one each.
 */
export function digestMessage(
  changes: { change: AlertChange; incident: AlertIncident }[],
  origin: string,
): AlertMessage {
  const down = changes.filter((c) => c.change !== "resolved").map((c) => c.incident.service.name);
  const back = changes.filter((c) => c.change === "resolved").map((c) => c.incident.service.name);
  const parts = [
    down.length ? `Problems at ${nameList(down, 10)}.` : "",
    back.length ? `Back to normal: ${nameList(back, 10)}.` : "",
    down.length > 2 ? "When many services fail at once, a shared provider is often the cause." : "",
  ];
  const title =
    down.length && back.length
      ? `Problems at ${down.length} of your services; ${back.length} recovered`
      : down.length
        ? `Problems at ${down.length} of your services`
        : `${back.length} of your services recovered`;
  return { title, body: parts.filter(Boolean).join(" "), url: `${origin}/` };
}
