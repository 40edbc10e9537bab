import type { OfficialPlatform } from "@/lib/catalog/constants";

/**
 * Services whose official status page runs on a platform with a public machine-readable feed,
 * and that feed. Only pages we are sure of: a wrong guess would put a stranger's status beside a
 * service. The human page stays the catalog's `statusPage`.
 */
export const OFFICIAL_FEEDS: Readonly<Record<string, { platform: OfficialPlatform; feed: string }>> = {
  discord: { platform: "statuspage", feed: "https://discordstatus.com/api/v2/summary.json" },
  zoom: { platform: "statuspage", feed: "https://status.zoom.us/api/v2/summary.json" },
  github: { platform: "statuspage", feed: "https://www.githubstatus.com/api/v2/summary.json" },
  cloudflare: { platform: "statuspage", feed: "https://www.cloudflarestatus.com/api/v2/summary.json" },
  vercel: { platform: "statuspage", feed: "https://www.vercel-status.com/api/v2/summary.json" },
  dropbox: { platform: "statuspage", feed: "https://status.dropbox.com/api/v2/summary.json" },
  fortnite: { platform: "statuspage", feed: "https://status.epicgames.com/api/v2/summary.json" },
  chatgpt: { platform: "incidentio", feed: "https://status.openai.com/proxy/status.openai.com" },
  gitlab: { platform: "statusio", feed: "https://api.status.io/1.0/status/5b36dc6502d06804c08349f7" },
  slack: { platform: "slack", feed: "https://slack-status.com/api/v2.0.0/current" },
  "google-cloud": { platform: "gcp", feed: "https://status.cloud.google.com/incidents.json" },
  aws: { platform: "aws", feed: "https://status.aws.amazon.com/rss/all.rss" },
  azure: { platform: "azure", feed: "https://azure.status.microsoft/en-us/status/feed/" },
};
