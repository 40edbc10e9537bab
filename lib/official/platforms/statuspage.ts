import { z } from "zod";
import type { OfficialImpact, OfficialStatus, ParsedIncident } from "../types";
import { date, optionalDate, parseFeed, type PlatformReader } from "./shared";

// Atlassian Statuspage's public API: /api/v2/summary.json (status, components, unresolved
// incidents) and /api/v2/incidents.json (the last 50 incidents, resolved ones included).

const INDICATOR: Record<string, OfficialStatus> = {
  none: "operational",
  minor: "degraded",
  major: "major",
  critical: "major",
  maintenance: "maintenance",
};

const COMPONENT: Record<string, OfficialStatus> = {
  operational: "operational",
  degraded_performance: "degraded",
  partial_outage: "degraded",
  major_outage: "major",
  under_maintenance: "maintenance",
};

const IMPACT: Record<string, OfficialImpact> = { none: "minor", minor: "minor", major: "major", critical: "critical" };

const incident = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: z.string(),
  shortlink: z.string().nullish(),
  created_at: date,
  started_at: optionalDate,
  updated_at: optionalDate,
  resolved_at: optionalDate,
});

const summary = z.object({
  status: z.object({ indicator: z.string(), description: z.string() }),
  components: z
    .array(
      z.object({ name: z.string(), status: z.string(), group: z.boolean().nullish(), group_id: z.string().nullish() }),
    )
    .default([]),
  incidents: z.array(incident).default([]),
});

const history = z.object({ incidents: z.array(incident) });

function toIncident(i: z.infer<typeof incident>): ParsedIncident {
  return {
    externalId: i.id,
    title: i.name,
    impact: IMPACT[i.impact] ?? "minor",
    url: i.shortlink ?? null,
    startedAt: i.started_at ?? i.created_at,
    postedAt: i.created_at,
    // "postmortem" follows "resolved"; both are over.
    resolvedAt:
      i.resolved_at ?? (i.status === "resolved" || i.status === "postmortem" ? (i.updated_at ?? i.created_at) : null),
    updatedAt: i.updated_at ?? i.created_at,
  };
}

export const statuspage: PlatformReader = {
  label: "Atlassian Statuspage",
  feeds: (summaryUrl) => [
    {
      url: summaryUrl,
      format: "json",
      read(body) {
        const s = parseFeed(summary, body, "summary.json");
        return {
          status: {
            status: INDICATOR[s.status.indicator] ?? "degraded",
            description: s.status.description,
            // Groups only repeat their members' worst status.
            components: s.components
              .filter((c) => !c.group)
              .map((c) => ({ name: c.name, status: COMPONENT[c.status] ?? "degraded" })),
          },
          incidents: s.incidents.map(toIncident),
          activeOnly: true,
        };
      },
    },
    {
      url: summaryUrl.replace(/summary\.json$/, "incidents.json"),
      format: "json",
      read(body) {
        return { incidents: parseFeed(history, body, "incidents.json").incidents.map(toIncident), activeOnly: false };
      },
    },
  ],
};
