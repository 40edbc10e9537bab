import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { expectedHour } from "@/lib/detection/baseline";
import type { DetectorState } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, DEFAULT_PARAMS } from "@/lib/detection/params";
import { classifyRegion, type RegionAnomaly } from "@/lib/regions/anomaly";
import { countryName } from "@/lib/regions/regions";

export const MAP_WINDOWS = [
  { key: "1h", minutes: 60, label: "Last hour" },
  { key: "6h", minutes: 360, label: "Last 6 hours" },
  { key: "24h", minutes: 1440, label: "Last 24 hours" },
] as const;
export type MapWindowKey = (typeof MAP_WINDOWS)[number]["key"];

export interface RegionRow extends RegionAnomaly {
  name: string;
}

const HOUR = 3_600_000;
const HISTORY_DAYS = 7;

/**
 * Distinct reporters per country in the window against each country's own expectation: the
 * regional detector's baseline where the country has one, else its own average rate over the
 * previous week. `serviceId` null = all services together.
 */
export async function regionActivity(
  db: Db,
  serviceId: number | null,
  windowMinutes: number,
  now = new Date(),
): Promise<RegionRow[]> {
  const to = now.getTime();
  const from = to - windowMinutes * 60_000;
  const historyFrom = from - HISTORY_DAYS * 86_400_000;
  const scope = serviceId === null ? sql`true` : sql`service_id = ${serviceId}`;
  const [observed, history, detectors] = await Promise.all([
    rows<{ service_id: number; country: string; reporters: number }>(
      db,
      sql`select service_id, country, sum(reporters)::int as reporters from report_rollups
          where ${scope} and bucket > ${new Date(from).toISOString()}::timestamptz and bucket <= ${new Date(to).toISOString()}::timestamptz
          group by 1, 2`,
    ),
    rows<{ service_id: number; country: string; reporters: number }>(
      db,
      sql`select service_id, country, sum(reporters)::int as reporters from report_rollups
          where ${scope} and bucket > ${new Date(historyFrom).toISOString()}::timestamptz and bucket <= ${new Date(from).toISOString()}::timestamptz
          group by 1, 2`,
    ),
    rows<{ service_id: number; country: string; category: keyof typeof CATEGORY_PRIOR_PER_HOUR; state: DetectorState }>(
      db,
      sql`select r.service_id, r.country, s.category, r.state from regional_detector_state r join services s on s.id = r.service_id
          where ${serviceId === null ? sql`true` : sql`r.service_id = ${serviceId}`}`,
    ),
  ]);

  const key = (s: number, c: string) => `${s}:${c}`;
  const expected = new Map<string, number>();
  for (const h of history)
    expected.set(key(h.service_id, h.country), (Number(h.reporters) * windowMinutes) / (HISTORY_DAYS * 1440));
  for (const d of detectors) {
    let e = 0;
    for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) {
      const overlap = Math.min(to, t + HOUR) - Math.max(from, t);
      e +=
        (expectedHour(d.state.baseline, t, CATEGORY_PRIOR_PER_HOUR[d.category] / 5, DEFAULT_PARAMS) * overlap) / HOUR;
    }
    expected.set(key(d.service_id, d.country), e);
  }

  const byCountry = new Map<string, { reporters: number; expected: number }>();
  for (const o of observed) {
    const c = byCountry.get(o.country) ?? { reporters: 0, expected: 0 };
    c.reporters += Number(o.reporters);
    byCountry.set(o.country, c);
  }
  for (const [k, e] of expected) {
    const country = k.split(":")[1] as string;
    const c = byCountry.get(country) ?? { reporters: 0, expected: 0 };
    c.expected += e;
    byCountry.set(country, c);
  }
  return [...byCountry.entries()]
    .map(([code, c]) => ({ ...classifyRegion(code, c.reporters, c.expected), name: countryName(code) }))
    .sort((a, b) => b.score - a.score || (b.reporters ?? 0) - (a.reporters ?? 0));
}
