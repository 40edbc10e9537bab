import { z } from "zod";
import { worstStatus, type OfficialImpact, type OfficialStatus } from "../types";
import { describe, optionalDate, parseFeed, type PlatformReader } from "./shared";

// Instatus pages publish <page>/summary.json: the page's state and its active incidents and
// maintenances. Unresolved only.

const IMPACT: Record<string, OfficialImpact> = {
  DEGRADEDPERFORMANCE: "minor",
  PARTIALOUTAGE: "major",
  MAJOROUTAGE: "critical",
};

const summary = z.object({
  page: z.object({ status: z.string() }),
  activeIncidents: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        started: optionalDate,
        status: z.string(),
        impact: z.string().nullish(),
        url: z.string().nullish(),
        updatedAt: optionalDate,
      }),
    )
    .nullish(),
  activeMaintenances: z.array(z.object({ id: z.string() })).nullish(),
});

export const instatus: PlatformReader = {
  label: "Instatus",
  feeds: (url) => [
    {
      url,
      format: "json",
      read(body, now) {
        const s = parseFeed(summary, body, "summary.json");
        const incidents = (s.activeIncidents ?? []).map((i) => ({
          externalId: i.id,
          title: i.name,
          impact: IMPACT[i.impact ?? ""] ?? "minor",
          url: i.url ?? null,
          startedAt: i.started ?? now,
          postedAt: i.started ?? now,
          resolvedAt: null,
          updatedAt: i.updatedAt ?? i.started ?? now,
        }));
        const page: OfficialStatus =
          s.page.status === "UP" ? "operational" : s.page.status === "UNDERMAINTENANCE" ? "maintenance" : "degraded";
        const status = worstStatus([
          page,
          ...incidents.map((i): OfficialStatus => (i.impact === "critical" ? "major" : "degraded")),
          ...(s.activeMaintenances?.length ? (["maintenance"] as const) : []),
        ]);
        return {
          status: { status, description: incidents[0]?.title ?? describe(status), components: [] },
          incidents,
          activeOnly: true,
        };
      },
    },
  ],
};
