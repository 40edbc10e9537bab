import { worstStatus, type OfficialImpact, type ParsedIncident } from "../types";
import { describe, type PlatformReader } from "./shared";
import { rssItems } from "./rss";

// The AWS Health Dashboard's RSS feed (status.aws.amazon.com/rss/all.rss) has one item per
// update; the guid names the service and region ("…#ec2-us-east-1_1700000000"). An event runs
// from its first item to the one titled "Service is operating normally".

function impactOf(title: string): OfficialImpact {
  if (/^Service disruption/i.test(title)) return "major";
  return "minor";
}

export const aws: PlatformReader = {
  label: "AWS Health Dashboard RSS",
  feeds: (url) => [
    {
      url,
      format: "xml",
      read(body) {
        const open = new Map<string, ParsedIncident>();
        const incidents: ParsedIncident[] = [];
        for (const it of rssItems(body, "all.rss")) {
          const key = (it.guid ?? it.title).replace(/^.*#/, "").replace(/_\d+$/, "");
          const normal = /^Service is operating normally/i.test(it.title);
          const current = open.get(key);
          if (current) {
            current.updatedAt = it.pubDate;
            if (normal) {
              current.resolvedAt = it.pubDate;
              open.delete(key);
            } else if (impactOf(it.title) === "major") current.impact = "major";
          } else if (!normal) {
            const incident: ParsedIncident = {
              externalId: `${key}_${Math.floor(it.pubDate.getTime() / 1000)}`,
              title: `${it.title.replace(/^[^:]+:\s*/, "")} (${key})`,
              impact: impactOf(it.title),
              url: it.link || null,
              startedAt: it.pubDate,
              postedAt: it.pubDate,
              resolvedAt: null,
              updatedAt: it.pubDate,
            };
            open.set(key, incident);
            incidents.push(incident);
          }
        }
        const components = [...open].map(([name, i]) => ({
          name,
          status: i.impact === "minor" ? ("degraded" as const) : ("major" as const),
        }));
        const status = worstStatus(components.map((c) => c.status));
        return {
          status: { status, description: [...open.values()].at(-1)?.title ?? describe(status), components },
          incidents,
          activeOnly: false,
        };
      },
    },
  ],
};
