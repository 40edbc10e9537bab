// Drizzle-free constants shared by the schema, server code and client components.

export const CATEGORIES = [
  { slug: "social", label: "Social" },
  { slug: "streaming", label: "Video & streaming" },
  { slug: "messaging", label: "Messaging & calls" },
  { slug: "gaming", label: "Gaming" },
  { slug: "cloud", label: "Cloud & developer" },
  { slug: "productivity", label: "Email & productivity" },
  { slug: "finance", label: "Payments & banking" },
  { slug: "telecom", label: "Telecom & ISP" },
] as const;

export type CategorySlug = (typeof CATEGORIES)[number]["slug"];
export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [CategorySlug, ...CategorySlug[]];

export function categoryLabel(slug: string): string {
  return CATEGORIES.find((c) => c.slug === slug)?.label ?? slug;
}

/** Status levels, least to most severe. "possible" = possible problems (weak, sustained evidence). */
export const STATUS_LEVELS = ["ok", "possible", "outage"] as const;
export type StatusLevel = (typeof STATUS_LEVELS)[number];

/** 0 for ok, higher for worse: the order of STATUS_LEVELS. */
export const statusSeverity = (level: StatusLevel): number => STATUS_LEVELS.indexOf(level);

export const STATUS_LABELS: Record<StatusLevel, string> = {
  ok: "No current problems",
  possible: "Possible problems",
  outage: "Outage",
};

export const INCIDENT_CAUSES = [
  "traffic_surge",
  "technical_malfunction",
  "security_incident",
  "maintenance",
  "network_connectivity",
  "unknown",
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export const CAUSE_LABELS: Record<IncidentCause, string> = {
  traffic_surge: "Traffic surge",
  technical_malfunction: "Technical malfunction",
  security_incident: "Security incident",
  maintenance: "Maintenance",
  network_connectivity: "Network connectivity",
  unknown: "Unknown",
};

export const INCIDENT_EVENT_KINDS = [
  "detected",
  "escalated",
  "peak",
  "official_update",
  "resolved",
  "cause_set",
  "merged",
  "split",
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

export const EVENT_LABELS: Record<IncidentEventKind, string> = {
  detected: "Detected",
  escalated: "Escalated",
  peak: "Peak",
  official_update: "Official update",
  resolved: "Resolved",
  cause_set: "Cause",
  merged: "Merged",
  split: "Split",
};

/** What a webhook can subscribe to: the detector's calls on an incident. */
export const WEBHOOK_EVENTS = ["incident.opened", "incident.escalated", "incident.resolved"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const REPORT_TEXT_MAX = 280;

export interface Symptom {
  slug: string;
  label: string;
}

/** A service's slug as it appears in URLs and the API. */
export const SERVICE_SLUG = /^[a-z0-9-]{1,64}$/;

/** Status-page platforms whose public feeds lib/official reads; db/official-feeds.ts names each service's. */
export const OFFICIAL_PLATFORMS = [
  "statuspage",
  "incidentio",
  "instatus",
  "statusio",
  "slack",
  "gcp",
  "aws",
  "azure",
] as const;
export type OfficialPlatform = (typeof OFFICIAL_PLATFORMS)[number];
