import "server-only";
import { SERVICE_SLUG } from "@/lib/catalog/constants";
import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import { rows, type Db } from "@/db/client";
import { cachedRead } from "@/lib/cache/read-cache";
import { services, serviceStatus } from "@/db/schema";
import { statusSeverity, type CategorySlug, type StatusLevel, type Symptom } from "@/lib/catalog/constants";

export interface ServiceSummary {
  slug: string;
  name: string;
  category: CategorySlug;
  aliases: string[];
  symptoms: Symptom[];
  status: StatusLevel;
  reportersLastHour: number;
  /** Distinct reporters per hour over the last 24 hours, oldest first (24 values). */
  sparkline: number[];
}

/** Every service with its status and a 24 h hourly sparkline: what is broken first, then by activity. */
export async function servicesOverview(db: Db, now = new Date()): Promise<ServiceSummary[]> {
  const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const from = new Date(hourStart.getTime() - 23 * 3_600_000);
  const [list, hourly, lastHour] = await Promise.all([
    db
      .select({
        id: services.id,
        slug: services.slug,
        name: services.name,
        category: services.category,
        aliases: services.aliases,
        symptoms: services.symptoms,
        status: serviceStatus.level,
      })
      .from(services)
      .leftJoin(serviceStatus, eq(serviceStatus.serviceId, services.id)),
    rows<{ service_id: number; hour: number; reporters: number }>(
      db,
      sql`select service_id,
                 floor(extract(epoch from bucket - ${from.toISOString()}::timestamptz) / 3600)::int as hour,
                 sum(reporters)::int as reporters
          from service_minute_rollups
          where bucket >= ${from.toISOString()}::timestamptz
          group by 1, 2`,
    ),
    rows<{ service_id: number; reporters: number }>(
      db,
      sql`select service_id, sum(reporters)::int as reporters from service_minute_rollups
          where bucket > ${new Date(now.getTime() - 3_600_000).toISOString()}::timestamptz
          group by 1`,
    ),
  ]);
  const spark = new Map<number, number[]>();
  for (const r of hourly) {
    if (r.hour < 0 || r.hour > 23) continue;
    const arr = spark.get(r.service_id) ?? new Array<number>(24).fill(0);
    arr[r.hour] = Number(r.reporters);
    spark.set(r.service_id, arr);
  }
  const recent = new Map(lastHour.map((r) => [r.service_id, Number(r.reporters)]));
  return list
    .map((s) => ({
      slug: s.slug,
      name: s.name,
      category: s.category,
      aliases: s.aliases,
      symptoms: s.symptoms,
      status: s.status ?? "ok",
      reportersLastHour: recent.get(s.id) ?? 0,
      sparkline: spark.get(s.id) ?? new Array<number>(24).fill(0),
    }))
    .sort(
      (a, b) =>
        statusSeverity(b.status) - statusSeverity(a.status) ||
        b.reportersLastHour - a.reportersLastHour ||
        a.name.localeCompare(b.name, "en"),
    );
}

export async function findService(db: Db, slug: string) {
  // A path segment can hold anything, NUL included, which Postgres refuses outright: only a slug is looked up.
  if (!SERVICE_SLUG.test(slug)) return undefined;
  const [row] = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      category: services.category,
      website: services.website,
      statusPage: services.statusPage,
      symptoms: services.symptoms,
      troubleshooting: services.troubleshooting,
    })
    .from(services)
    .where(eq(services.slug, slug));
  return row;
}

/** findService, once per request: a page's metadata and its body ask for the same service. */
export const findServiceForRequest = cache((db: Db, slug: string) => findService(db, slug));
export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof findService>>>;

/** Just what matching a typed name needs. */
export function serviceNames(db: Db) {
  return db.select({ slug: services.slug, name: services.name, aliases: services.aliases }).from(services);
}

/** The home page's view, at most a few seconds old: one computation per instance per interval. */
export const cachedServicesOverview = cachedRead(servicesOverview, 5_000);
