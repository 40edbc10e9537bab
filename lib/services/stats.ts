import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { cachedRead } from "@/lib/cache/read-cache";

export const STATS_DAYS = 365;

export interface ServiceStats {
  /** Days the statistics cover: a year, or less when the service's history is shorter. */
  days: number;
  incidents: number;
  /** Incidents scaled to a year, so a young service compares with an old one. */
  incidentsPerYear: number;
  totalDowntimeMinutes: number;
  medianDowntimeMinutes: number | null;
  /** Median minutes from the first unusual minute to the detector's call. */
  medianDetectMinutes: number | null;
  /** Median minutes from the detector's call to the end, for incidents that ended. */
  medianResolveMinutes: number | null;
  /**
   * "When it usually breaks": minutes in incidents per hour of the week, UTC.
   * heatmap[day][hour], day 0 = Monday.
   */
  heatmap: number[][];
}

/** One service's record over the last year: the statistics block of its history page. */
export async function serviceStats(db: Db, serviceId: number, now = new Date()): Promise<ServiceStats> {
  const to = now.toISOString();
  const yearAgo = new Date(now.getTime() - STATS_DAYS * 86_400_000).toISOString();
  // The service's incidents of the last year, cut to it: s and e are the part inside the year.
  const scoped = sql`
    select started_at, detected_at, ended_at, s, e, extract(epoch from e - s) / 60 as minutes
    from (select started_at, detected_at, ended_at,
                 greatest(started_at, ${yearAgo}::timestamptz) as s,
                 least(coalesce(ended_at, ${to}::timestamptz), ${to}::timestamptz) as e
          from incidents
          where service_id = ${serviceId} and merged_into is null and started_at < ${to}::timestamptz
            and coalesce(ended_at, ${to}::timestamptz) > ${yearAgo}::timestamptz) as i`;
  const [[first], [summary], cells] = await Promise.all([
    rows<{ t: Date | string | null }>(
      db,
      sql`select min(bucket) as t from service_minute_rollups
          where service_id = ${serviceId} and bucket >= ${yearAgo}::timestamptz`,
    ),
    rows<{
      n: number;
      first: Date | string | null;
      downtime: number | null;
      median: number | null;
      detect: number | null;
      resolve: number | null;
    }>(
      db,
      sql`with scoped as (${scoped})
          select count(*)::int as n, min(started_at) as first, sum(minutes) as downtime,
                 percentile_cont(0.5) within group (order by minutes) as median,
                 percentile_cont(0.5) within group (order by extract(epoch from detected_at - started_at) / 60) as detect,
                 percentile_cont(0.5) within group (order by extract(epoch from ended_at - detected_at) / 60)
                   filter (where ended_at is not null) as resolve
          from scoped`,
    ),
    // Each incident is cut into the clock hours it covers; the UTC hour of week of each piece.
    rows<{ dow: number; hour: number; minutes: number }>(
      db,
      sql`with scoped as (${scoped})
          select extract(isodow from h at time zone 'UTC')::int - 1 as dow,
                 extract(hour from h at time zone 'UTC')::int as hour,
                 sum(extract(epoch from least(h + interval '1 hour', e) - greatest(h, s)) / 60) as minutes
          from scoped, generate_series(date_trunc('hour', s, 'UTC'), e, interval '1 hour') as h
          where h < e
          group by 1, 2`,
    ),
  ]);
  // History starts at the first report or the first incident, whichever is older.
  const firstAt = Math.min(
    first?.t ? new Date(first.t).getTime() : now.getTime(),
    summary?.first ? new Date(summary.first).getTime() : now.getTime(),
  );
  const days = Math.min(STATS_DAYS, Math.max(1, (now.getTime() - firstAt) / 86_400_000));
  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const c of cells) heatmap[Number(c.dow)]![Number(c.hour)] = Math.round(Number(c.minutes));
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
  const incidents = Number(summary?.n ?? 0);
  return {
    days: Math.round(days),
    incidents,
    incidentsPerYear: Math.round(((incidents * STATS_DAYS) / days) * 10) / 10,
    totalDowntimeMinutes: Math.round(Number(summary?.downtime ?? 0)),
    medianDowntimeMinutes: round(summary?.median),
    medianDetectMinutes: round(summary?.detect),
    medianResolveMinutes: round(summary?.resolve),
    heatmap,
  };
}

/** The history page's statistics, at most a minute old. */
export const cachedServiceStats = cachedRead((db: Db, serviceId: number) => serviceStats(db, serviceId), 60_000);
