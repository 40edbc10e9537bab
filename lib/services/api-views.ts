import "server-only";
import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { incidents, reports, serviceStatus } from "@/db/schema";
import type { z } from "zod";
import type { reportTextSchema } from "@/lib/reports/schemas";
import type { serviceStatusSchema } from "@/lib/services/schemas";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { reportersLastHour } from "./activity";
import { officialView } from "@/lib/official/views";
import type { ServiceDetail } from "./queries";

/** GET /api/v1/services/{slug}: the service and where it stands now. */
export async function serviceStatusView(
  db: Db,
  service: ServiceDetail,
  now = new Date(),
): Promise<z.infer<typeof serviceStatusSchema>> {
  const [[status], lastHour, [open], official] = await Promise.all([
    db
      .select({ level: serviceStatus.level, since: serviceStatus.since })
      .from(serviceStatus)
      .where(eq(serviceStatus.serviceId, service.id)),
    reportersLastHour(db, service.id, now),
    db
      .select({ id: incidents.id, level: incidents.level, startedAt: incidents.startedAt })
      .from(incidents)
      .where(and(eq(incidents.serviceId, service.id), isNull(incidents.endedAt))),
    officialView(db, service.id, service.statusPage, now),
  ]);
  return {
    slug: service.slug,
    name: service.name,
    category: service.category,
    website: service.website,
    statusPage: service.statusPage,
    symptoms: service.symptoms,
    status: status?.level ?? "ok",
    statusSince: (status?.since ?? now).toISOString(),
    reportersLastHour: lastHour,
    openIncident: open ? { id: open.id, level: open.level, startedAt: open.startedAt.toISOString() } : null,
    official,
  };
}

/**
 * The newest counted reports that came with a text a moderator has not hidden; no reporter or
 * network hash. Counted only, the same rule as the counts: one text per person and service per
 * cooldown, and none from a flood the network cap held back, so nobody can fill the list alone.
 */
export async function recentReportTexts(
  db: Db,
  serviceId: number,
  opts: { limit: number; since?: Date; until?: Date },
): Promise<Array<z.infer<typeof reportTextSchema>>> {
  const list = await db
    .select({
      id: reports.id,
      createdAt: reports.createdAt,
      symptom: reports.symptom,
      country: reports.country,
      text: reports.text,
    })
    .from(reports)
    .where(
      and(
        eq(reports.serviceId, serviceId),
        isNotNull(reports.text),
        eq(reports.counted, true),
        isNull(reports.textHiddenAt),
        opts.since ? gte(reports.createdAt, opts.since) : undefined,
        opts.until ? lt(reports.createdAt, opts.until) : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(opts.limit);
  return list.map((r) => ({ ...r, id: Number(r.id), createdAt: r.createdAt.toISOString(), text: r.text ?? "" }));
}

/** The service page's comments: the newest few, from the period its chart covers. */
export const PAGE_TEXTS = { limit: 8, hours: 24 };

export function pageReportTexts(db: Db, serviceId: number, now = new Date()) {
  return recentReportTexts(db, serviceId, {
    limit: PAGE_TEXTS.limit,
    since: new Date(now.getTime() - PAGE_TEXTS.hours * 3_600_000),
  });
}

export const EXPORT_MAX_DAYS = 31;

export interface ExportRow {
  bucketStart: string;
  country: string;
  reports: number;
  reporters: number;
}

/**
 * 15-minute counts per country for [from, to). A cell with fewer distinct reporters than the
 * privacy minimum is left out, as on the maps. With a cooldown of 15 minutes or more a reporter
 * counts at most once per cell, so the sum of per-minute reporters is the cell's distinct count.
 */
export async function exportCounts(db: Db, serviceId: number, from: Date, to: Date): Promise<ExportRow[]> {
  const list = await rows<{ t: Date | string; country: string; reports: number; reporters: number }>(
    db,
    sql`select date_bin('15 minutes'::interval, bucket, 'epoch'::timestamptz) as t, country,
               sum(reports)::int as reports, sum(reporters)::int as reporters
        from report_rollups
        where service_id = ${serviceId} and bucket >= ${from.toISOString()}::timestamptz
          and bucket < ${to.toISOString()}::timestamptz
        group by 1, 2
        having sum(reporters) >= ${MIN_REGION_REPORTERS}
        order by 1, 2`,
  );
  return list.map((r) => ({
    bucketStart: new Date(r.t).toISOString(),
    country: r.country,
    reports: Number(r.reports),
    reporters: Number(r.reporters),
  }));
}
