import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { officialIncidents, officialSources } from "@/db/schema";
import type { officialSchema } from "./schemas";
import { leadMinutes, MATCH_SLACK_MS, officialMatch, type OurSpan } from "./match";
import { isTrouble, type OfficialImpact, type OfficialStatus } from "./types";

/** A reading older than this is shown as out of date: the vendor's page could not be read lately. */
export const STALE_AFTER_MS = 15 * 60_000;

export type OfficialView = z.infer<typeof officialSchema>;

/**
 * What the vendor's own page says now, for the service page and GET /api/v1/services/{slug}; null
 * when the service has no readable official feed or it was never read.
 */
export async function officialView(
  db: Db,
  serviceId: number,
  statusPage: string | null,
  now = new Date(),
): Promise<OfficialView | null> {
  const [[source], [open]] = await Promise.all([
    db
      .select({
        status: officialSources.status,
        description: officialSources.description,
        checkedAt: officialSources.checkedAt,
      })
      .from(officialSources)
      .where(eq(officialSources.serviceId, serviceId)),
    db
      .select()
      .from(officialIncidents)
      .where(and(eq(officialIncidents.serviceId, serviceId), isNull(officialIncidents.resolvedAt)))
      .orderBy(desc(officialIncidents.postedAt))
      .limit(1),
  ]);
  if (!source?.status || !source.checkedAt) return null;
  return {
    status: source.status as OfficialStatus,
    description: source.description ?? "",
    updatedAt: source.checkedAt.toISOString(),
    stale: now.getTime() - source.checkedAt.getTime() > STALE_AFTER_MS,
    url: statusPage,
    incident: open
      ? {
          title: open.title,
          url: open.url,
          impact: open.impact as OfficialImpact,
          startedAt: open.startedAt.toISOString(),
          postedAt: open.postedAt.toISOString(),
        }
      : null,
  };
}

export interface IncidentOfficial {
  /** The service has an official feed we read. */
  polled: boolean;
  match: { title: string; url: string | null; postedAt: Date; impact: OfficialImpact } | null;
  /** Minutes from the rise of reports to the vendor's post: positive when the crowd was first. */
  reportsLeadMinutes: number | null;
  /** Minutes from our declaration to the vendor's post. */
  detectionLeadMinutes: number | null;
}

/** The vendor incident matching one of ours, for the incident page. */
export async function officialForIncident(db: Db, ours: OurSpan, now = new Date()): Promise<IncidentOfficial> {
  const [source] = await db
    .select({ checkedAt: officialSources.checkedAt })
    .from(officialSources)
    .where(eq(officialSources.serviceId, ours.serviceId));
  if (!source?.checkedAt) return { polled: false, match: null, reportsLeadMinutes: null, detectionLeadMinutes: null };
  const from = new Date(ours.startedAt.getTime() - MATCH_SLACK_MS);
  const to = new Date((ours.endedAt ?? now).getTime() + MATCH_SLACK_MS);
  const candidates = await db
    .select()
    .from(officialIncidents)
    .where(
      and(
        eq(officialIncidents.serviceId, ours.serviceId),
        lte(officialIncidents.startedAt, to),
        or(isNull(officialIncidents.resolvedAt), gte(officialIncidents.resolvedAt, from)),
      ),
    )
    .orderBy(asc(officialIncidents.postedAt))
    .limit(20);
  const m = officialMatch(ours, candidates, now);
  if (!m) return { polled: true, match: null, reportsLeadMinutes: null, detectionLeadMinutes: null };
  return {
    polled: true,
    match: { title: m.title, url: m.url, postedAt: m.postedAt, impact: m.impact as OfficialImpact },
    reportsLeadMinutes: Math.round((m.postedAt.getTime() - ours.startedAt.getTime()) / 60_000),
    detectionLeadMinutes: Math.round(leadMinutes(ours, m)),
  };
}

export interface OfficialTrouble {
  status: OfficialStatus;
  /** The newest open official incident's title, if the page has one. */
  title: string | null;
  checkedAt: Date;
}

/**
 * The pages among these services' that admit trouble (degraded or major) at their last reading:
 * the evidence an upstream's own page gives (lib/upstreams).
 */
export async function officialTrouble(db: Db | Tx, serviceIds: number[]): Promise<Map<number, OfficialTrouble>> {
  if (!serviceIds.length) return new Map();
  const [sources, open] = await Promise.all([
    db
      .select({
        serviceId: officialSources.serviceId,
        status: officialSources.status,
        checkedAt: officialSources.checkedAt,
      })
      .from(officialSources)
      .where(inArray(officialSources.serviceId, serviceIds)),
    db
      .select({ serviceId: officialIncidents.serviceId, title: officialIncidents.title })
      .from(officialIncidents)
      .where(and(inArray(officialIncidents.serviceId, serviceIds), isNull(officialIncidents.resolvedAt)))
      // Oldest first: the newest one's title is the one the map keeps.
      .orderBy(officialIncidents.postedAt),
  ]);
  const titles = new Map(open.map((o) => [o.serviceId, o.title]));
  return new Map(
    sources.flatMap((s) =>
      s.checkedAt && isTrouble(s.status)
        ? [
            [
              s.serviceId,
              { status: s.status as OfficialStatus, title: titles.get(s.serviceId) ?? null, checkedAt: s.checkedAt },
            ],
          ]
        : [],
    ),
  );
}
