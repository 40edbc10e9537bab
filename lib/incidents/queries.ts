import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import { incidentEvents } from "@/db/schema";
import { rows, type Db } from "@/db/client";
import type { CategorySlug, IncidentCause, IncidentEventKind, StatusLevel, Symptom } from "@/lib/catalog/constants";
import type { DetectorState } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR } from "@/lib/detection/params";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { countryName } from "@/lib/regions/regions";
import { topShares } from "./affected";
import { seriesWithLevels, type SeriesPoint } from "@/lib/services/snapshot";
import { recentReportTexts } from "@/lib/services/api-views";

export interface IncidentSummary {
  id: number;
  service: { slug: string; name: string; category: CategorySlug };
  level: StatusLevel;
  startedAt: string;
  detectedAt: string;
  peakAt: string | null;
  /** Distinct reporters per minute at the peak. */
  peakRate: number | null;
  endedAt: string | null;
  /** Minutes from start to end, or to now while it lasts. */
  durationMinutes: number;
  regions: string[];
  symptoms: string[];
  cause: IncidentCause | null;
}

export interface IncidentFilter {
  service?: string;
  category?: CategorySlug;
  level?: Exclude<StatusLevel, "ok">;
  /** Incidents that started on or after this instant. */
  from?: Date;
  /** Incidents that started before this instant. */
  to?: Date;
  /** Only incidents still open (true) or only those that ended (false). */
  open?: boolean;
  /** Only incidents recorded in this country (an ISO 3166-1 code) or one of its subdivisions. */
  country?: string;
}

interface IncidentRow {
  id: number;
  service_id: number;
  slug: string;
  name: string;
  category: CategorySlug;
  level: StatusLevel;
  started_at: Date | string;
  detected_at: Date | string;
  peak_at: Date | string | null;
  peak_rate: number | null;
  ended_at: Date | string | null;
  regions: string[];
  symptoms: string[];
  cause: IncidentCause | null;
}

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function summary(r: IncidentRow, now: Date): IncidentSummary {
  const start = new Date(r.started_at).getTime();
  const end = r.ended_at === null ? now.getTime() : new Date(r.ended_at).getTime();
  return {
    id: r.id,
    service: { slug: r.slug, name: r.name, category: r.category },
    level: r.level,
    startedAt: new Date(r.started_at).toISOString(),
    detectedAt: new Date(r.detected_at).toISOString(),
    peakAt: isoOrNull(r.peak_at),
    peakRate: r.peak_rate === null ? null : Number(r.peak_rate),
    endedAt: isoOrNull(r.ended_at),
    durationMinutes: Math.max(0, Math.round((end - start) / 60_000)),
    regions: r.regions,
    symptoms: r.symptoms,
    cause: r.cause,
  };
}

const COLUMNS = sql`i.id, i.service_id, s.slug, s.name, s.category, i.level, i.started_at, i.detected_at, i.peak_at, i.peak_rate,
                    i.ended_at, i.regions, i.symptoms, i.cause`;

/** Incidents newest first, filtered and paged; merged duplicates are left out. */
export async function listIncidents(
  db: Db,
  filter: IncidentFilter,
  page = 1,
  pageSize = 20,
  now = new Date(),
): Promise<{ items: IncidentSummary[]; total: number }> {
  const where: SQL[] = [sql`i.merged_into is null`];
  if (filter.service) where.push(sql`s.slug = ${filter.service}`);
  if (filter.category) where.push(sql`s.category = ${filter.category}`);
  if (filter.level) where.push(sql`i.level = ${filter.level}`);
  if (filter.from) where.push(sql`i.started_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(sql`i.started_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.open !== undefined) where.push(filter.open ? sql`i.ended_at is null` : sql`i.ended_at is not null`);
  if (filter.country)
    where.push(
      sql`exists (select 1 from jsonb_array_elements_text(i.regions) r where r = ${filter.country} or r like ${`${filter.country}-%`})`,
    );
  const condition = sql.join(where, sql` and `);
  const [items, [count]] = await Promise.all([
    rows<IncidentRow>(
      db,
      sql`select ${COLUMNS} from incidents i join services s on s.id = i.service_id
          where ${condition} order by i.started_at desc, i.id desc
          limit ${pageSize} offset ${(Math.max(1, page) - 1) * pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from incidents i join services s on s.id = i.service_id where ${condition}`,
    ),
  ]);
  // The detector records where an incident was when it closes it (and where regional detectors
  // alarm while it lasts); until then, a list says where its reports come from so far.
  const placed = await Promise.all(
    items.map(async (r) =>
      r.ended_at === null && r.regions.length === 0
        ? { ...r, regions: await topShares(db, r.service_id, new Date(r.started_at), now, "country") }
        : r,
    ),
  );
  return { items: placed.map((r) => summary(r, now)), total: count?.n ?? 0 };
}

export interface IncidentEvent {
  kind: IncidentEventKind;
  at: string;
  level: StatusLevel | null;
  message: string | null;
}

export interface IncidentRegion {
  code: string;
  name: string;
  reporters: number;
}

/** The ten countries with most reporters while it lasted; those under the privacy minimum are left out, as on the maps. */
async function regionsDuring(
  db: Db,
  serviceId: number,
  during: SQL,
): Promise<{ topRegions: IncidentRegion[]; regionTotal: number }> {
  const found = await rows<{ country: string; reporters: number; total: number }>(
    db,
    sql`select country, sum(reporters)::int as reporters, (sum(sum(reporters)) over ())::int as total
        from report_rollups where service_id = ${serviceId} and ${during} group by 1 order by 2 desc limit 10`,
  );
  return {
    topRegions: found
      .filter((r) => Number(r.reporters) >= MIN_REGION_REPORTERS)
      .map((r) => ({ code: r.country, name: countryName(r.country), reporters: Number(r.reporters) })),
    regionTotal: Number(found[0]?.total ?? 0),
  };
}

/** Where an incident was, for its small map; undefined when there is no such incident. */
export async function incidentRegions(
  db: Db,
  id: number,
  now = new Date(),
): Promise<{ topRegions: IncidentRegion[]; regionTotal: number } | undefined> {
  const [row] = await rows<{ service_id: number; started_at: Date | string; ended_at: Date | string | null }>(
    db,
    sql`select service_id, started_at, ended_at from incidents where id = ${id}`,
  );
  if (!row) return undefined;
  const end = row.ended_at === null ? now : new Date(row.ended_at);
  return regionsDuring(db, row.service_id, duringSql(new Date(row.started_at), end));
}

function duringSql(start: Date, end: Date): SQL {
  return sql`bucket >= ${start.toISOString()}::timestamptz and bucket <= ${end.toISOString()}::timestamptz`;
}

export interface IncidentDetail extends IncidentSummary {
  /** Set when a moderator merged this incident into another: that one tells the story. */
  mergedInto: number | null;
  serviceSymptoms: Symptom[];
  /** Distinct reporters from start to end (or now). */
  totalReporters: number;
  /** The busiest bucket of the chart, in distinct reporters. */
  peakReporters: number;
  bucketMinutes: number;
  /** From two hours before the start to two hours after the end, with the usual and alarm levels. */
  series: SeriesPoint[];
  topRegions: IncidentRegion[];
  /** Reports counted in every country, the whole the top regions are a share of. */
  regionTotal: number;
  topSymptoms: Array<{ slug: string; label: string; reporters: number }>;
  events: IncidentEvent[];
  /** The newest comments sent while it lasted (by the same rule as a service page's). */
  texts: Awaited<ReturnType<typeof recentReportTexts>>;
}

/** Comments an incident's page shows. */
export const INCIDENT_TEXTS = 10;

const CONTEXT_MS = 2 * 3_600_000;

/** Buckets small enough to show the shape, few enough to read: at most about 100. */
function bucketMinutesFor(spanMs: number): number {
  for (const m of [5, 15, 30, 60, 180, 360]) if (spanMs / (m * 60_000) <= 100) return m;
  return 1440;
}

/** The whole story of one incident, or undefined when there is no such incident. */
export async function incidentDetail(db: Db, id: number, now = new Date()): Promise<IncidentDetail | undefined> {
  const [row] = await rows<
    IncidentRow & {
      merged_into: number | null;
      symptom_list: Symptom[];
      state: DetectorState | null;
    }
  >(
    db,
    sql`select ${COLUMNS}, i.merged_into, s.symptoms as symptom_list, d.state
        from incidents i join services s on s.id = i.service_id
        left join detector_state d on d.service_id = i.service_id
        where i.id = ${id}`,
  );
  if (!row) return undefined;
  const base = summary(row, now);
  const start = new Date(base.startedAt).getTime();
  const end = base.endedAt ? new Date(base.endedAt).getTime() : now.getTime();
  const bucketMinutes = bucketMinutesFor(end - start + 2 * CONTEXT_MS);
  const bucketMs = bucketMinutes * 60_000;
  const from = Math.floor((start - CONTEXT_MS) / bucketMs) * bucketMs;
  const to = Math.min(now.getTime(), end + CONTEXT_MS);
  const range = sql`bucket >= ${new Date(from).toISOString()}::timestamptz and bucket < ${new Date(to).toISOString()}::timestamptz`;
  const during = duringSql(new Date(start), new Date(end));

  const [buckets, regions, symptoms, events, texts] = await Promise.all([
    rows<{ t: Date | string; reports: number; reporters: number }>(
      db,
      sql`select date_bin(${`${bucketMinutes} minutes`}::interval, bucket, 'epoch'::timestamptz) as t,
                 sum(reports)::int as reports, sum(reporters)::int as reporters
          from service_minute_rollups where service_id = ${row.service_id} and ${range} group by 1`,
    ),
    regionsDuring(db, row.service_id, during),
    rows<{ symptom: string; reporters: number }>(
      db,
      sql`select symptom, sum(reporters)::int as reporters from report_rollups
          where service_id = ${row.service_id} and ${during} group by 1 order by 2 desc`,
    ),
    rows<{ kind: IncidentEventKind; at: Date | string; level: StatusLevel | null; message: string | null }>(
      db,
      sql`select kind, at, level, message from incident_events where incident_id = ${id} order by at, id`,
    ),
    recentReportTexts(db, row.service_id, { limit: INCIDENT_TEXTS, since: new Date(start), until: new Date(end) }),
  ]);

  // The usual level as the detector knows it now: a fair picture of "normal" for that hour of the week.
  const series = seriesWithLevels(
    buckets,
    from,
    to,
    bucketMinutes,
    row.state ?? undefined,
    CATEGORY_PRIOR_PER_HOUR[row.category],
  );
  const labels = new Map(row.symptom_list.map((s) => [s.slug, s.label]));
  const inside = series.filter((p) => {
    const t = new Date(p.t).getTime();
    return t + bucketMs > start && t <= end;
  });
  return {
    ...base,
    mergedInto: row.merged_into,
    serviceSymptoms: row.symptom_list,
    totalReporters: inside.reduce((a, p) => a + p.reporters, 0),
    peakReporters: inside.reduce((a, p) => Math.max(a, p.reporters), 0),
    bucketMinutes,
    series,
    ...regions,
    topSymptoms: symptoms.map((s) => ({
      slug: s.symptom,
      label: labels.get(s.symptom) ?? s.symptom,
      reporters: Number(s.reporters),
    })),
    events: events.map((e) => ({ kind: e.kind, at: new Date(e.at).toISOString(), level: e.level, message: e.message })),
    texts,
  };
}

/** incidentDetail, once per request: the page's metadata and its body tell the same story. */
export const incidentDetailForRequest = cache((db: Db, id: number) => incidentDetail(db, id));

export interface FeedIncident extends IncidentSummary {
  /** The latest thing that happened to it: its newest timeline event, or its start. */
  updatedAt: string;
  events: IncidentEvent[];
}

/** The newest incidents with their timelines: what the Atom feeds carry. */
export async function incidentsWithTimelines(
  db: Db,
  filter: IncidentFilter,
  limit = 50,
  now = new Date(),
): Promise<FeedIncident[]> {
  const { items } = await listIncidents(db, filter, 1, limit, now);
  if (!items.length) return [];
  const events = await db
    .select({
      incidentId: incidentEvents.incidentId,
      kind: incidentEvents.kind,
      at: incidentEvents.at,
      level: incidentEvents.level,
      message: incidentEvents.message,
    })
    .from(incidentEvents)
    .where(
      inArray(
        incidentEvents.incidentId,
        items.map((i) => i.id),
      ),
    )
    .orderBy(incidentEvents.at, incidentEvents.id);
  return items.map((incident) => {
    const own = events
      .filter((e) => e.incidentId === incident.id)
      .map((e) => ({ kind: e.kind, at: e.at.toISOString(), level: e.level, message: e.message }));
    const updatedAt = own.reduce((latest, e) => (e.at > latest ? e.at : latest), incident.startedAt);
    return { ...incident, updatedAt, events: own };
  });
}
