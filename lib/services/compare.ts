import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { CategorySlug } from "@/lib/catalog/constants";
import { cachedRead } from "@/lib/cache/read-cache";

export const COMPARE_PERIODS = [
  { key: "7d", days: 7, label: "Last 7 days" },
  { key: "30d", days: 30, label: "Last 30 days" },
  { key: "90d", days: 90, label: "Last 90 days" },
  { key: "365d", days: 365, label: "Last year" },
] as const;
export type ComparePeriodKey = (typeof COMPARE_PERIODS)[number]["key"];

export interface ServiceComparison {
  slug: string;
  name: string;
  category: CategorySlug;
  incidents: number;
  /** Minutes in incidents within the period (ongoing ones count up to now). */
  downtimeMinutes: number;
  /** Downtime scaled to a year, so periods of any length compare. */
  downtimePerYearMinutes: number;
  /** Median minutes from start to end of the incidents that ended; null when none did. */
  medianResolveMinutes: number | null;
  /** Median minutes from start to detection. */
  medianDetectMinutes: number | null;
  /** Distinct reporters over the period. */
  reporters: number;
}

/** Every service's record over the last `days`, optionally one category: what /compare shows. */
export async function compareServices(
  db: Db,
  days: number,
  category: CategorySlug | null,
  now = new Date(),
): Promise<ServiceComparison[]> {
  const from = new Date(now.getTime() - days * 86_400_000).toISOString();
  const to = now.toISOString();
  const list = await rows<{
    slug: string;
    name: string;
    category: CategorySlug;
    incidents: number;
    downtime: number | null;
    resolve: number | null;
    detect: number | null;
    reporters: number | null;
  }>(
    db,
    sql`with scoped as (
          select i.* from incidents i
          where i.merged_into is null and i.started_at < ${to}::timestamptz
            and coalesce(i.ended_at, ${to}::timestamptz) > ${from}::timestamptz
        ),
        per as (
          select service_id, count(*)::int as incidents,
                 sum(extract(epoch from least(coalesce(ended_at, ${to}::timestamptz), ${to}::timestamptz)
                                       - greatest(started_at, ${from}::timestamptz)) / 60) as downtime,
                 percentile_cont(0.5) within group (order by extract(epoch from ended_at - started_at) / 60)
                   filter (where ended_at is not null) as resolve,
                 percentile_cont(0.5) within group (order by extract(epoch from detected_at - started_at) / 60) as detect
          from scoped group by 1
        ),
        volume as (
          select service_id, sum(reporters)::int as reporters from service_minute_rollups
          where bucket >= ${from}::timestamptz and bucket <= ${to}::timestamptz group by 1
        )
        select s.slug, s.name, s.category, coalesce(p.incidents, 0) as incidents, p.downtime, p.resolve, p.detect, v.reporters
        from services s left join per p on p.service_id = s.id left join volume v on v.service_id = s.id
        where ${category === null ? sql`true` : sql`s.category = ${category}`}`,
  );
  const round = (n: number | null) => (n === null ? null : Math.round(Number(n)));
  return list
    .map((r) => {
      const downtime = Math.round(Number(r.downtime ?? 0));
      return {
        slug: r.slug,
        name: r.name,
        category: r.category,
        incidents: Number(r.incidents),
        downtimeMinutes: downtime,
        downtimePerYearMinutes: Math.round((downtime * 365) / days),
        medianResolveMinutes: round(r.resolve),
        medianDetectMinutes: round(r.detect),
        reporters: Number(r.reporters ?? 0),
      };
    })
    .sort(
      (a, b) =>
        b.downtimeMinutes - a.downtimeMinutes || b.incidents - a.incidents || a.name.localeCompare(b.name, "en"),
    );
}

/** /compare's view, at most a minute old. */
export const cachedCompareServices = cachedRead(
  (db: Db, days: number, category: CategorySlug | null) => compareServices(db, days, category),
  60_000,
);
