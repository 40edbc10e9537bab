import "server-only";
import { and, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { rows, type Db } from "@/db/client";
import { detectorState, incidents, serviceStatus } from "@/db/schema";
import { expectedHour } from "@/lib/detection/baseline";
import type { DetectorState } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, DEFAULT_PARAMS } from "@/lib/detection/params";
import { alarmThreshold } from "@/lib/detection/threshold";
import { burstBar } from "@/lib/detection/burst";
import type { ServiceDetail } from "./queries";
import { reportersLastHour } from "./activity";
import { readableTexts } from "@/lib/reports/readable-texts";
import { pageReportTexts } from "./api-views";
import type { seriesPointSchema, serviceSnapshotSchema, snapshotIncidentSchema, symptomShareSchema } from "./schemas";

export const BUCKET_MINUTES = 15;
export const SERIES_BUCKETS = 96; // 24 hours
const BUCKET_MS = BUCKET_MINUTES * 60_000;

export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type SnapshotIncident = z.infer<typeof snapshotIncidentSchema>;
export type SymptomShare = z.infer<typeof symptomShareSchema>;
/** Everything the live part of a service page shows; the page renders it and the browser re-fetches it. */
export type ServiceSnapshot = z.infer<typeof serviceSnapshotSchema>;

/** The last 24 hours in 15-minute buckets with the usual and alarm levels: the chart, and the API's series. */
export async function serviceSeries(
  db: Db,
  service: Pick<ServiceDetail, "id" | "category">,
  now = new Date(),
): Promise<SeriesPoint[]> {
  const from = seriesStart(now);
  const [buckets, detector] = await Promise.all([
    rows<{ t: Date | string; reports: number; reporters: number }>(
      db,
      sql`select date_bin(${`${BUCKET_MINUTES} minutes`}::interval, bucket, 'epoch'::timestamptz) as t,
                 sum(reports)::int as reports, sum(reporters)::int as reporters
          from service_minute_rollups
          where service_id = ${service.id} and bucket >= ${from.toISOString()}::timestamptz
          group by 1`,
    ),
    db.select({ state: detectorState.state }).from(detectorState).where(eq(detectorState.serviceId, service.id)),
  ]);
  return seriesWithLevels(
    buckets,
    from.getTime(),
    from.getTime() + SERIES_BUCKETS * BUCKET_MS,
    BUCKET_MINUTES,
    detector[0]?.state as DetectorState | undefined,
    CATEGORY_PRIOR_PER_HOUR[service.category],
  );
}

function seriesStart(now: Date): Date {
  const lastStart = Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS;
  return new Date(lastStart - (SERIES_BUCKETS - 1) * BUCKET_MS);
}

export async function serviceSnapshot(db: Db, service: ServiceDetail, now = new Date()): Promise<ServiceSnapshot> {
  const from = seriesStart(now);
  const [status, series, lastHour, bySymptom, recentIncidents, texts] = await Promise.all([
    db
      .select({ level: serviceStatus.level, since: serviceStatus.since })
      .from(serviceStatus)
      .where(eq(serviceStatus.serviceId, service.id)),
    serviceSeries(db, service, now),
    reportersLastHour(db, service.id, now),
    rows<{ symptom: string; reporters: number }>(
      db,
      sql`select symptom, sum(reporters)::int as reporters from report_rollups
          where service_id = ${service.id} and bucket >= ${from.toISOString()}::timestamptz
          group by 1`,
    ),
    db
      .select({ id: incidents.id, level: incidents.level, startedAt: incidents.startedAt, endedAt: incidents.endedAt })
      .from(incidents)
      .where(and(eq(incidents.serviceId, service.id), or(isNull(incidents.endedAt), gte(incidents.endedAt, from)))),
    pageReportTexts(db, service.id, now),
  ]);

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
    incidents: recentIncidents
      .filter((i) => i.startedAt.getTime() <= now.getTime())
      .map((i) => ({
        id: i.id,
        level: i.level,
        startedAt: i.startedAt.toISOString(),
        endedAt: i.endedAt?.toISOString() ?? null,
      })),
    texts: readableTexts(texts, service.symptoms),
  };
}

/**
 * Buckets of `bucketMinutes` from `from` (inclusive) to `to` (exclusive), empty ones included, each
 * with the usual level the baseline expects for it and the level that would raise an alarm.
 */
export function seriesWithLevels(
  buckets: Array<{ t: Date | string; reports: number; reporters: number }>,
  from: number,
  to: number,
  bucketMinutes: number,
  detector: Pick<DetectorState, "baseline" | "burst"> | undefined,
  priorPerHour: number,
): SeriesPoint[] {
  const baseline = detector?.baseline;
  // A bucket as long as one of the detector's windows is judged as that window is, burst envelope included.
  const window = DEFAULT_PARAMS.windows.indexOf(bucketMinutes);
  const bar =
    detector?.burst && window >= 0
      ? burstBar(detector.burst, window, DEFAULT_PARAMS.possible.burstReach, DEFAULT_PARAMS)
      : 0;
  const bucketMs = bucketMinutes * 60_000;
  // The buckets of an hour share an expectation, so each alarm line is searched for once.
  const thresholds = new Map<number, number>();
  const thresholdFor = (expected: number, phi: number) => {
    let t = thresholds.get(expected);
    if (t === undefined) thresholds.set(expected, (t = alarmThreshold(expected, phi, DEFAULT_PARAMS.possible, bar)));
    return t;
  };
  const byTime = new Map(buckets.map((b) => [new Date(b.t).getTime(), b]));
  const series: SeriesPoint[] = [];
  for (let t = from; t < to; t += bucketMs) {
    const b = byTime.get(t);
    const expected = baseline ? (expectedHour(baseline, t, priorPerHour, DEFAULT_PARAMS) * bucketMinutes) / 60 : null;
    series.push({
      t: new Date(t).toISOString(),
      reports: Number(b?.reports ?? 0),
      reporters: Number(b?.reporters ?? 0),
      expected: expected === null ? null : Math.round(expected * 10) / 10,
      threshold: expected === null || !baseline ? null : thresholdFor(expected, baseline.phi),
    });
  }
  return series;
}
