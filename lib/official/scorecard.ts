import "server-only";
import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { incidents, officialIncidents, officialSources, services } from "@/db/schema";
import { DEFAULT_PARAMS } from "@/lib/detection/params";
import { cachedRead } from "@/lib/cache/read-cache";
import { scorecard, type Scorecard } from "./match";

export const SCORECARD_WINDOWS = [30, 90, 365] as const;
export type ScorecardWindow = (typeof SCORECARD_WINDOWS)[number];

export interface ScorecardReport {
  days: number;
  /** The window's start: never before we held a day of reports, so neither side is scored for a time we were not watching. */
  since: Date;
  /** We have not been watching for the whole window. */
  partial: boolean;
  overall: Scorecard;
  services: { slug: string; name: string; card: Scorecard }[];
}

/** Margin of earlier rows read so that incidents at the window's edge still find their match. */
const EDGE_MS = 86_400_000;

/**
 * How our incidents and the vendors' own compare over the last `days`, for services whose official
 * page we read (with `slug`, that one service, whose card `overall` then is); computed from the
 * stored rows every time.
 */
export async function scorecardReport(
  db: Db,
  days: number,
  opts: { slug?: string; now?: Date } = {},
): Promise<ScorecardReport> {
  const now = opts.now ?? new Date();
  const [first] = await rows<{ first: string | Date | null }>(db, sql`select min(bucket) as first from report_rollups`);
  const watching = first?.first
    ? new Date(first.first).getTime() + DEFAULT_PARAMS.warmupHours * 3_600_000
    : now.getTime();
  const since = new Date(Math.max(now.getTime() - days * 86_400_000, watching));
  const sourced = await db
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(officialSources)
    .innerJoin(services, eq(services.id, officialSources.serviceId))
    .where(opts.slug ? eq(services.slug, opts.slug) : undefined)
    .orderBy(services.name);
  const ids = sourced.map((s) => s.id);
  const from = new Date(since.getTime() - EDGE_MS);
  const [ours, theirs] = ids.length
    ? await Promise.all([
        db
          .select({
            id: incidents.id,
            serviceId: incidents.serviceId,
            startedAt: incidents.startedAt,
            detectedAt: incidents.detectedAt,
            endedAt: incidents.endedAt,
          })
          .from(incidents)
          .where(and(inArray(incidents.serviceId, ids), isNull(incidents.mergedInto), gte(incidents.startedAt, from))),
        db
          .select({
            id: officialIncidents.id,
            serviceId: officialIncidents.serviceId,
            startedAt: officialIncidents.startedAt,
            postedAt: officialIncidents.postedAt,
            resolvedAt: officialIncidents.resolvedAt,
          })
          .from(officialIncidents)
          .where(and(inArray(officialIncidents.serviceId, ids), gte(officialIncidents.postedAt, from))),
      ])
    : [[], []];
  return {
    days,
    since,
    partial: since.getTime() > now.getTime() - days * 86_400_000,
    overall: scorecard(ours, theirs, now, since),
    services: sourced.map((s) => ({
      slug: s.slug,
      name: s.name,
      card: scorecard(
        ours.filter((o) => o.serviceId === s.id),
        theirs.filter((t) => t.serviceId === s.id),
        now,
        since,
      ),
    })),
  };
}

/** Every window's report, for the About page (all services) and a service's history page; a minute old at most. */
export const cachedScorecards = cachedRead(
  (db: Db, slug: string | null) =>
    Promise.all(SCORECARD_WINDOWS.map((days) => scorecardReport(db, days, { slug: slug ?? undefined }))),
  60_000,
);
