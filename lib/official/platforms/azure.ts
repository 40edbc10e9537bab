import type { OfficialImpact } from "../types";
import { describe, type PlatformReader } from "./shared";
import { rssItems } from "./rss";

// Azure status publishes an RSS feed (azure.status.microsoft/en-us/status/feed/) that lists the
// incidents in progress and is empty otherwise. The feed gives no severity; "outage" in a title
// is read as a major one.

function impactOf(title: string): OfficialImpact {
  return /outage|unavailable|down\b/i.test(title) ? "major" : "minor";
}

export const azure: PlatformReader = {
  label: "Azure status RSS",
  feeds: (url) => [
    {
      url,
      format: "xml",
      read(body) {
        const incidents = rssItems(body, "status feed").map((it) => ({
          externalId: it.guid ?? `${it.title}|${it.pubDate.toISOString()}`,
          title: it.title,
          impact: impactOf(it.title),
          url: it.link || null,
          startedAt: it.pubDate,
          postedAt: it.pubDate,
          resolvedAt: null,
          updatedAt: it.pubDate,
        }));
        const status = incidents.some((i) => i.impact === "major")
          ? "major"
          : incidents.length
            ? "degraded"
            : "operational";
        return {
          status: { status, description: incidents.at(-1)?.title ?? describe(status), components: [] },
          incidents,
          activeOnly: true,
        };
      },
    },
  ],
};
