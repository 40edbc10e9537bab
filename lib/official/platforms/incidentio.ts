import { z } from "zod";
import { worstStatus, type OfficialImpact, type OfficialStatus } from "../types";
import { describe, optionalDate, parseFeed, type PlatformReader } from "./shared";

// incident.io status pages publish their widget data at <page>/proxy/<host>: the components,
// those affected now, the ongoing incidents and the maintenance in progress. Unresolved only.

const IMPACT: Record<string, OfficialImpact> = {
  degraded_performance: "minor",
  partial_outage: "major",
  full_outage: "critical",
};
const STATUS: Record<string, OfficialStatus> = {
  operational: "operational",
  degraded_performance: "degraded",
  partial_outage: "degraded",
  full_outage: "major",
  under_maintenance: "maintenance",
};

const widget = z.object({
  summary: z.object({
    public_url: z.string().nullish(),
    components: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
    affected_components: z.array(z.object({ component_id: z.string(), status: z.string() })).default([]),
    ongoing_incidents: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.string(),
          url: z.string().nullish(),
          current_worst_impact: z.string().nullish(),
          published_at: optionalDate,
          last_update_at: optionalDate,
        }),
      )
      .default([]),
    in_progress_maintenances: z.array(z.object({ id: z.string() })).default([]),
  }),
});

export const incidentio: PlatformReader = {
  label: "incident.io",
  feeds: (url) => [
    {
      url,
      format: "json",
      read(body, now) {
        const s = parseFeed(widget, body, "widget summary").summary;
        const affected = new Map(s.affected_components.map((a) => [a.component_id, STATUS[a.status] ?? "degraded"]));
        const incidents = s.ongoing_incidents.map((i) => {
          const impact = IMPACT[i.current_worst_impact ?? ""] ?? "minor";
          return {
            externalId: i.id,
            title: i.name,
            impact,
            url: i.url ?? (s.public_url ? `${s.public_url.replace(/\/$/, "")}/incidents/${i.id}` : null),
            startedAt: i.published_at ?? now,
            postedAt: i.published_at ?? now,
            resolvedAt: null,
            updatedAt: i.last_update_at ?? now,
          };
        });
        const status = worstStatus([
          ...affected.values(),
          ...incidents.map((i): OfficialStatus => (i.impact === "critical" ? "major" : "degraded")),
          ...(s.in_progress_maintenances.length ? (["maintenance"] as const) : []),
        ]);
        return {
          status: {
            status,
            description: incidents[0]?.title ?? describe(status),
            components: s.components.map((c) => ({ name: c.name, status: affected.get(c.id) ?? "operational" })),
          },
          incidents,
          activeOnly: true,
        };
      },
    },
  ],
};
