export { OFFICIAL_PLATFORMS, type OfficialPlatform } from "@/lib/catalog/constants";

/** What a vendor's page says, in our words; maintenance is planned work, never an outage. */
export const OFFICIAL_STATUSES = ["operational", "degraded", "major", "maintenance"] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];
/** Whether a stored status is one of ours (older rows and other sources may hold other words). */
export const isOfficialStatus = (s: string): s is OfficialStatus =>
  (OFFICIAL_STATUSES as readonly string[]).includes(s);

export const OFFICIAL_STATUS_LABELS: Record<OfficialStatus, string> = {
  operational: "Operational",
  degraded: "Degraded",
  major: "Major outage",
  maintenance: "Maintenance",
};

export const OFFICIAL_IMPACTS = ["minor", "major", "critical"] as const;
export type OfficialImpact = (typeof OFFICIAL_IMPACTS)[number];

export interface ParsedIncident {
  externalId: string;
  title: string;
  impact: OfficialImpact;
  url: string | null;
  startedAt: Date;
  /** When the page first said so; where the feed does not tell, when we first saw it. */
  postedAt: Date;
  resolvedAt: Date | null;
  updatedAt: Date;
}

export interface ParsedStatus {
  status: OfficialStatus;
  description: string;
  components: { name: string; status: OfficialStatus }[];
}

/** What one feed said. */
export interface FeedReading {
  status?: ParsedStatus;
  incidents: ParsedIncident[];
  /**
   * The feed lists only unresolved incidents: one we hold as open that it no longer lists was
   * resolved, as far as we can tell, when we noticed.
   */
  activeOnly: boolean;
}

const RANK: Record<OfficialStatus, number> = { operational: 0, maintenance: 1, degraded: 2, major: 3 };

export function worstStatus(list: readonly OfficialStatus[]): OfficialStatus {
  return list.reduce<OfficialStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), "operational");
}

/** An official status that counts as the upstream admitting trouble (maintenance does not). */
export function isTrouble(status: string | null | undefined): boolean {
  return status === "degraded" || status === "major";
}
