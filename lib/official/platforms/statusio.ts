import { z } from "zod";
import type { OfficialImpact, OfficialStatus } from "../types";
import { optionalDate, parseFeed, type PlatformReader } from "./shared";

// status.io's public status API: api.status.io/1.0/status/<page id>. Status codes: 100
// operational, 200 planned maintenance, 300 degraded performance, 400 partial service
// disruption, 500 service disruption, 600 security event. Active incidents only.

function statusOf(code: number): OfficialStatus {
  if (code <= 100) return "operational";
  if (code === 200) return "maintenance";
  if (code < 500) return "degraded";
  return "major";
}

function impactOf(code: number): OfficialImpact {
  return code >= 500 ? "major" : "minor";
}

const response = z.object({
  result: z.object({
    status_overall: z.object({ status: z.string(), status_code: z.number() }),
    status: z.array(z.object({ name: z.string(), status_code: z.number() })).default([]),
    incidents: z
      .array(
        z.object({
          _id: z.string(),
          name: z.string(),
          datetime_open: optionalDate,
          updated: optionalDate,
          current_status_code: z.number().nullish(),
        }),
      )
      .default([]),
  }),
});

export const statusio: PlatformReader = {
  label: "status.io",
  feeds: (url) => [
    {
      url,
      format: "json",
      read(body, now) {
        const r = parseFeed(response, body, "status").result;
        const code = r.status_overall.status_code;
        return {
          status: {
            status: statusOf(code),
            description: r.status_overall.status,
            components: r.status.map((c) => ({ name: c.name, status: statusOf(c.status_code) })),
          },
          incidents: r.incidents.map((i) => ({
            externalId: i._id,
            title: i.name,
            impact: impactOf(i.current_status_code ?? code),
            url: null,
            startedAt: i.datetime_open ?? now,
            postedAt: i.datetime_open ?? now,
            resolvedAt: null,
            updatedAt: i.updated ?? i.datetime_open ?? now,
          })),
          activeOnly: true,
        };
      },
    },
  ],
};
