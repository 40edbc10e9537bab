import { z } from "zod";
import { worstStatus, type OfficialImpact, type OfficialStatus } from "../types";
import { date, describe, optionalDate, parseFeed, type PlatformReader } from "./shared";

// Google Cloud's status dashboard publishes every incident it ever posted at
// status.cloud.google.com/incidents.json; an incident without `end` is ongoing.

/** Older incidents are history nobody scores; the file goes back years. */
const KEEP_DAYS = 400;

const IMPACT: Record<string, OfficialImpact> = {
  SERVICE_INFORMATION: "minor",
  SERVICE_DISRUPTION: "major",
  SERVICE_OUTAGE: "critical",
};

const list = z.array(
  z.object({
    id: z.string(),
    external_desc: z.string(),
    begin: date,
    created: optionalDate,
    end: optionalDate,
    modified: optionalDate,
    uri: z.string().nullish(),
    status_impact: z.string().nullish(),
    service_name: z.string().nullish(),
    affected_products: z.array(z.object({ title: z.string() })).default([]),
  }),
);

export const gcp: PlatformReader = {
  label: "Google Cloud status dashboard",
  feeds: (url) => [
    {
      url,
      format: "json",
      read(body, now) {
        const base = new URL(url);
        const since = now.getTime() - KEEP_DAYS * 86_400_000;
        const all = parseFeed(list, body, "incidents.json").filter((i) => (i.end ?? now).getTime() >= since);
        const incidents = all.map((i) => ({
          externalId: i.id,
          title: i.external_desc.split("\n")[0]!.slice(0, 300),
          impact: IMPACT[i.status_impact ?? ""] ?? "minor",
          url: i.uri ? new URL(i.uri, `${base.origin}/`).toString() : null,
          startedAt: i.begin,
          postedAt: i.created ?? i.begin,
          resolvedAt: i.end,
          updatedAt: i.modified ?? i.created ?? i.begin,
        }));
        const open = all.filter((i) => !i.end);
        const statusOf = (impact: OfficialImpact): OfficialStatus => (impact === "critical" ? "major" : "degraded");
        const status = worstStatus(open.map((i) => statusOf(IMPACT[i.status_impact ?? ""] ?? "minor")));
        const products = new Map<string, OfficialStatus>();
        for (const i of open)
          for (const p of i.affected_products)
            products.set(
              p.title,
              worstStatus([products.get(p.title) ?? "operational", statusOf(IMPACT[i.status_impact ?? ""] ?? "minor")]),
            );
        return {
          status: {
            status,
            description: open[0] ? incidents.find((x) => x.externalId === open[0]!.id)!.title : describe(status),
            components: [...products].map(([name, s]) => ({ name, status: s })),
          },
          incidents,
          activeOnly: false,
        };
      },
    },
  ],
};
