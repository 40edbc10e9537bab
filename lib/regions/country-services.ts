import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { cachedRead } from "@/lib/cache/read-cache";
import type { CategorySlug } from "@/lib/catalog/constants";
import type { DetectorState } from "@/lib/detection/detector";
import { usualFromHistory, type RegionAnomaly, type UsualLevel } from "./anomaly";
import { againstUsual, detectorExpectation, historyDays, iso, pastWindows } from "./map-data";

export interface CountryServiceRow extends RegionAnomaly {
  slug: string;
  name: string;
}

/**
 * Every service people in `country` reported in the window or usually do, ranked by how unusual its
 * reports there are against its usual level there: the service's own detector for that country
 * where it has one, else the same window on up to seven previous days (as the maps do).
 */
export async function countryServices(
  db: Db,
  country: string,
  windowMinutes = 60,
  now = new Date(),
): Promise<CountryServiceRow[]> {
  const to = now.getTime();
  const from = to - windowMinutes * 60_000;
  const days = await historyDays(db, from, null);
  const [observed, history, detectors, services] = await Promise.all([
    rows<{ service_id: number; reporters: number }>(
      db,
      sql`select service_id, sum(reporters)::int as reporters from report_rollups
          where country = ${country} and bucket > ${iso(from)} and bucket <= ${iso(to)} group by 1`,
    ),
    days === 0
      ? Promise.resolve([])
      : rows<{ service_id: number; reporters: number }>(
          db,
          sql`select service_id, sum(reporters)::int as reporters from report_rollups
              where country = ${country} and (${pastWindows(from, to, days)}) group by 1`,
        ),
    rows<{ service_id: number; category: CategorySlug; state: DetectorState }>(
      db,
      sql`select r.service_id, s.category, r.state from regional_detector_state r join services s on s.id = r.service_id
          where r.country = ${country}`,
    ),
    rows<{ id: number; slug: string; name: string }>(db, sql`select id, slug, name from services`),
  ]);

  const expected = new Map<number, UsualLevel>();
  for (const h of history) expected.set(h.service_id, usualFromHistory(Number(h.reporters), days));
  for (const d of detectors) expected.set(d.service_id, detectorExpectation(d.state, d.category, country, from, to));
  const seen = new Map(observed.map((o) => [o.service_id, Number(o.reporters)]));
  return services
    .filter((s) => seen.has(s.id) || expected.has(s.id))
    .map((s) => ({
      ...againstUsual(s.slug, seen.get(s.id) ?? 0, expected.get(s.id), days),
      slug: s.slug,
      name: s.name,
    }))
    .sort((a, b) => b.score - a.score || (b.reporters ?? 0) - (a.reporters ?? 0) || a.name.localeCompare(b.name));
}

/** The country home's view, at most a few seconds old. */
export const cachedCountryServices = cachedRead((db: Db, country: string) => countryServices(db, country), 5_000);

/** Countries people reported from in the last day, most reporters first: the ones with a home worth a link. */
export async function activeCountries(db: Db, now = new Date()): Promise<Array<{ code: string; reporters: number }>> {
  const found = await rows<{ code: string; reporters: number }>(
    db,
    sql`select country as code, sum(reporters)::int as reporters from report_rollups
        where bucket > ${iso(now.getTime() - 86_400_000)} group by 1 order by 2 desc, 1`,
  );
  return found.map((r) => ({ code: r.code, reporters: Number(r.reporters) }));
}

export const cachedActiveCountries = cachedRead((db: Db) => activeCountries(db), 60_000);
