import "server-only";
import { eq, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { serviceStatus } from "@/db/schema";
import type { StatusLevel } from "@/lib/catalog/constants";
import type { ServiceDetail } from "./services";
import { reportersLastHour } from "./activity";

export const BUCKET_MINUTES = 15;
export const SERIES_BUCKETS = 96; // 24 hours
const BUCKET_MS = BUCKET_MINUTES * 60_000;

export interface SeriesPoint {
  /** Bucket start, ISO 8601. */
  t: string;
  reports: number;
  reporters: number;
}

export interface SymptomShare {
  slug: string;
  label: string;
  reporters: number;
  share: number;
}

/** Everything the live part of a service page shows; the page renders it and the browser re-fetches it. */
export interface ServiceSnapshot {
  slug: string;
  name: string;
  status: StatusLevel;
  statusSince: string;
  generatedAt: string;
  bucketMinutes: number;
  series: SeriesPoint[];
  reportersLastHour: number;
  symptoms: SymptomShare[];
}

export async function serviceSnapshot(db: Db, service: ServiceDetail, now = new Date()): Promise<ServiceSnapshot> {
  const lastStart = Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS;
  const from = new Date(lastStart - (SERIES_BUCKETS - 1) * BUCKET_MS);
  const [status, buckets, lastHour, bySymptom] = await Promise.all([
    db
      .select({ level: serviceStatus.level, since: serviceStatus.since })
      .from(serviceStatus)
      .where(eq(serviceStatus.serviceId, service.id)),
    rows<{ t: Date | string; reports: number; reporters: number }>(
      db,
      sql`select date_bin(${`${BUCKET_MINUTES} minutes`}::interval, bucket, 'epoch'::timestamptz) as t,
                 sum(reports)::int as reports, sum(reporters)::int as reporters
          from service_minute_rollups
          where service_id = ${service.id} and bucket >= ${from.toISOString()}::timestamptz
          group by 1`,
    ),
    reportersLastHour(db, service.id, now),
    rows<{ symptom: string; reporters: number }>(
      db,
      sql`select symptom, sum(reporters)::int as reporters from report_rollups
          where service_id = ${service.id} and bucket >= ${from.toISOString()}::timestamptz
          group by 1`,
    ),
  ]);

  const byTime = new Map(buckets.map((b) => [new Date(b.t).getTime(), b]));
  const series: SeriesPoint[] = [];
  for (let i = 0; i < SERIES_BUCKETS; i++) {
    const t = from.getTime() + i * BUCKET_MS;
    const b = byTime.get(t);
    series.push({
      t: new Date(t).toISOString(),
      reports: Number(b?.reports ?? 0),
      reporters: Number(b?.reporters ?? 0),
    });
  }

  const counts = new Map(bySymptom.map((s) => [s.symptom, Number(s.reporters)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const symptoms = service.symptoms
    .map((s) => {
      const reporters = counts.get(s.slug) ?? 0;
      return { slug: s.slug, label: s.label, reporters, share: total > 0 ? reporters / total : 0 };
    })
    .sort((a, b) => b.reporters - a.reporters);

  return {
    slug: service.slug,
    name: service.name,
    status: status[0]?.level ?? "ok",
    statusSince: (status[0]?.since ?? now).toISOString(),
    generatedAt: now.toISOString(),
    bucketMinutes: BUCKET_MINUTES,
    series,
    reportersLastHour: lastHour,
    symptoms,
  };
}
