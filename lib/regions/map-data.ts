import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { cachedRead } from "@/lib/cache/read-cache";
import { expectedHour } from "@/lib/detection/baseline";
import type { DetectorState } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, DEFAULT_PARAMS, regionPrior } from "@/lib/detection/params";
import { BASE_PHI, classifyRegion, usualFromHistory, type RegionAnomaly, type UsualLevel } from "@/lib/regions/anomaly";
import { countryName, subdivisionName } from "@/lib/regions/regions";

export const MAP_WINDOWS = [
  { key: "1h", minutes: 60, label: "Last hour" },
  { key: "6h", minutes: 360, label: "Last 6 hours" },
  { key: "24h", minutes: 1440, label: "Last 24 hours" },
] as const;
export type MapWindowKey = (typeof MAP_WINDOWS)[number]["key"];

export interface RegionRow extends RegionAnomaly {
  name: string;
}

export interface RegionScope {
  /** Null: all services together. */
  serviceId: number | null;
  /** Null: the world by country; else that country's subdivisions. */
  country: string | null;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How many previous days, at the same time of day, make a region's usual level. */
const HISTORY_DAYS = 7;

export const iso = (t: number) => sql`${new Date(t).toISOString()}::timestamptz`;

/** Reporters a regional detector's baseline expects in [from, to): its usual level there. */
export function detectorExpectation(
  state: DetectorState,
  category: keyof typeof CATEGORY_PRIOR_PER_HOUR,
  region: string,
  from: number,
  to: number,
): UsualLevel {
  let mean = 0;
  for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) {
    const overlap = Math.min(to, t + HOUR) - Math.max(from, t);
    mean +=
      (expectedHour(state.baseline, t, regionPrior(CATEGORY_PRIOR_PER_HOUR[category], region), DEFAULT_PARAMS) *
        overlap) /
      HOUR;
  }
  return { mean, phi: BASE_PHI };
}

/**
 * `seen` reporters classified against their usual level: the one found, else none in `days` days of
 * history, else (no history yet) nothing to compare with.
 */
export function againstUsual(code: string, seen: number, usual: UsualLevel | undefined, days: number): RegionAnomaly {
  const e = usual ?? (days === 0 ? null : usualFromHistory(0, days));
  return e === null ? classifyRegion(code, seen, null) : classifyRegion(code, seen, e.mean, e.phi);
}

/** How many whole previous days, up to a week, the rollups cover before `from`. */
export async function historyDays(db: Db, from: number, serviceId: number | null): Promise<number> {
  const [first] = await rows<{ first: string | Date | null }>(
    db,
    sql`select min(bucket) as first from service_minute_rollups where ${serviceId === null ? sql`true` : sql`service_id = ${serviceId}`}`,
  );
  const firstAt = first?.first ? new Date(first.first).getTime() : from;
  return Math.max(0, Math.min(HISTORY_DAYS, Math.floor((from - firstAt) / DAY)));
}

/** The same window on each of `days` previous days, as a condition on `bucket`. */
export const pastWindows = (from: number, to: number, days: number) =>
  sql.join(
    Array.from(
      { length: days },
      (_, i) => sql`(bucket > ${iso(from - (i + 1) * DAY)} and bucket <= ${iso(to - (i + 1) * DAY)})`,
    ),
    sql` or `,
  );

/**
 * Distinct reporters per region in the window against that region's own usual level: the
 * regional detector's baseline where a country or subdivision has one, else the mean of the same
 * window on up to seven previous days (so a busy evening is compared with other evenings).
 */
export async function regionActivity(
  db: Db,
  scope: RegionScope,
  windowMinutes: number,
  now = new Date(),
): Promise<RegionRow[]> {
  const to = now.getTime();
  const from = to - windowMinutes * 60_000;
  const service = (column: SQL) => (scope.serviceId === null ? sql`true` : sql`${column} = ${scope.serviceId}`);
  const source =
    scope.country === null
      ? { table: sql`report_rollups`, key: sql`country`, filter: service(sql`service_id`) }
      : {
          table: sql`subdivision_rollups`,
          key: sql`subdivision`,
          filter: sql`${service(sql`service_id`)} and subdivision like ${`${scope.country}-%`}`,
        };

  const days = await historyDays(db, from, scope.serviceId);

  const [observed, history, detectors] = await Promise.all([
    rows<{ code: string; reporters: number }>(
      db,
      sql`select ${source.key} as code, sum(reporters)::int as reporters from ${source.table}
          where ${source.filter} and bucket > ${iso(from)} and bucket <= ${iso(to)} group by 1`,
    ),
    days === 0
      ? Promise.resolve([])
      : rows<{ code: string; reporters: number }>(
          db,
          sql`select ${source.key} as code, sum(reporters)::int as reporters from ${source.table}
              where ${source.filter} and (${pastWindows(from, to, days)}) group by 1`,
        ),
    rows<{ country: string; category: keyof typeof CATEGORY_PRIOR_PER_HOUR; state: DetectorState }>(
      db,
      sql`select r.country, s.category, r.state from regional_detector_state r join services s on s.id = r.service_id
          where ${service(sql`r.service_id`)} and ${
            scope.country === null ? sql`length(r.country) = 2` : sql`r.country like ${`${scope.country}-%`}`
          }`,
    ),
  ]);

  // For one service a country's own detector baseline wins; for all services together the same-
  // time history is used, since it covers every service alike.
  const expected = new Map<string, UsualLevel>();
  for (const h of history) expected.set(h.code, usualFromHistory(Number(h.reporters), days));
  if (scope.serviceId !== null)
    for (const d of detectors) expected.set(d.country, detectorExpectation(d.state, d.category, d.country, from, to));

  const reporters = new Map(observed.map((o) => [o.code, Number(o.reporters)]));
  const codes = new Set([...reporters.keys(), ...expected.keys()]);
  const name = scope.country === null ? countryName : subdivisionName;
  const usual = (code: string) => againstUsual(code, reporters.get(code) ?? 0, expected.get(code), days);
  return [...codes]
    .map((code) => ({
      ...usual(code),
      name: name(code),
    }))
    .sort((a, b) => b.score - a.score || (b.reporters ?? 0) - (a.reporters ?? 0) || a.name.localeCompare(b.name));
}

/** Map pages' view, at most a few seconds old (they re-render every 30 s anyway). */
export const cachedRegionActivity = cachedRead(
  (db: Db, scope: RegionScope, windowMinutes: number) => regionActivity(db, scope, windowMinutes),
  5_000,
);
