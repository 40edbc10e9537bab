import { z } from "zod";
import { worstStatus, type OfficialImpact } from "../types";
import { date, describe, optionalDate, parseFeed, type PlatformReader } from "./shared";

// Slack runs its own status API: slack-status.com/api/v2.0.0/current lists the active incidents,
// outages and notices. Unresolved only; notices are information, not incidents.

const IMPACT: Record<string, OfficialImpact> = { incident: "minor", outage: "major" };

const current = z.object({
  status: z.string(),
  active_incidents: z
    .array(
      z.object({
        id: z.union([z.number(), z.string()]).transform(String),
        title: z.string(),
        type: z.string(),
        status: z.string(),
        url: z.string().nullish(),
        date_created: date,
        date_updated: optionalDate,
        services: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

export const slack: PlatformReader = {
  label: "Slack status API",
  feeds: (url) => [
    {
      url,
      format: "json",
      read(body) {
        const c = parseFeed(current, body, "current");
        const incidents = c.active_incidents
          .filter((i) => i.type in IMPACT && i.status !== "scheduled")
          .map((i) => ({
            externalId: i.id,
            title: i.title,
            impact: IMPACT[i.type]!,
            url: i.url ?? null,
            startedAt: i.date_created,
            postedAt: i.date_created,
            resolvedAt: i.status === "completed" || i.status === "resolved" ? (i.date_updated ?? i.date_created) : null,
            updatedAt: i.date_updated ?? i.date_created,
          }));
        const open = incidents.filter((i) => !i.resolvedAt);
        const status = worstStatus(open.map((i) => (i.impact === "minor" ? "degraded" : "major")));
        const affected = new Set(
          open.flatMap((i) => c.active_incidents.find((a) => a.id === i.externalId)?.services ?? []),
        );
        return {
          status: {
            status,
            description: open[0]?.title ?? describe(status),
            components: [...affected].map((name) => ({ name, status })),
          },
          incidents,
          activeOnly: true,
        };
      },
    },
  ],
};
