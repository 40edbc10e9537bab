import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { incidentEvents, incidents, serviceStatus, services } from "@/db/schema";
import { statusSeverity, type StatusLevel } from "@/lib/catalog/constants";
import { enqueueAlert } from "@/lib/alerts/outbox";
import { enqueueIncidentEvent } from "@/lib/webhooks/outbox";
import { correlateUpstreams } from "@/lib/upstreams/tick";
import { detectIspIncidents } from "@/lib/isp/tick";
import { affectedBy } from "./affected";
import { createDetector, stepMinute, warmStart, type DetectorState, type Minute } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, DEFAULT_PARAMS, regionPrior, type DetectorParams } from "@/lib/detection/params";
import { regionName } from "@/lib/regions/regions";
import { announceChanges, type ServiceChange } from "@/lib/live/changes";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** History a detector without saved state learns its baseline from. */
const WARM_START_DAYS = 28;
/**
 * A country or subdivision gets a detector of its own with at least this many reporters an hour on
 * average over the last week (or the service's history, when shorter, but at least a day)...
 */
const REGION_MIN_PER_HOUR = 1;
/** ...unless it is nearly all of the service's traffic (the service-wide detector already sees it). */
const REGION_MAX_SHARE = 0.9;
/**
 * A minute is folded only this long after it ended: a report is stamped when it arrives and counted
 * when its batch commits, so one stamped 12:00:59.9 may commit after a tick at 12:01:00 and must still
 * be in minute 12:00 when that minute is read. Group commit writes a batch within milliseconds;
 * this leaves room for a slow commit.
 */
export const SETTLE_MS = 15_000;
/** Advisory-lock key: with several app instances exactly one evaluates a tick. */
export const DETECTOR_LOCK = 7_201_121;

export interface TickSummary {
  ran: boolean;
  services: number;
  regions: number;
  minutes: number;
  opened: number;
  escalated: number;
  resolved: number;
}

/** One detector: service-wide (country null) or for one country of a service. */
interface Track {
  serviceId: number;
  country: string | null;
  prior: number;
  through: number;
  state: DetectorState;
}

type Hourly = { service_id: number; country: string | null; t: Date | string; reporters: number; networks: number };
const key = (serviceId: number, country: string | null) => `${serviceId}:${country ?? ""}`;

/** Baselines learnt from hourly history (hours without rows count as zero), for detectors with no saved state. */
function warmTracks(fresh: Track[], hourly: Hourly[], until: number, params: DetectorParams): void {
  const byKey = new Map<string, Map<number, Hourly>>();
  for (const h of hourly) {
    const k = key(h.service_id, h.country);
    const m = byKey.get(k) ?? new Map<number, Hourly>();
    m.set(new Date(h.t).getTime(), h);
    byKey.set(k, m);
  }
  for (const track of fresh) {
    const known = byKey.get(key(track.serviceId, track.country));
    const first = known ? Math.min(...known.keys()) : undefined;
    const hours = [];
    if (first !== undefined) {
      for (let t = first; t < until; t += HOUR) {
        const h = known!.get(t);
        hours.push({ t, reporters: Number(h?.reporters ?? 0), networks: Number(h?.networks ?? 0) });
      }
    }
    track.state = hours.length
      ? warmStart(hours, track.prior, params)
      : { ...createDetector(params), lastT: until - MINUTE };
    track.through = until - MINUTE;
  }
}

/**
 * One detector tick: advances every service's detectors (service-wide, and per country with enough
 * volume) through the minutes completed since the last tick, and opens, escalates and resolves
 * incidents. A service's level is the highest of its detectors'. Everything happens in one
 * transaction under a transaction-scoped advisory lock, so a crash leaves nothing half-done, a
 * repeated tick finds no new minutes, and a second instance skips.
 */
export async function runTick(
  db: Db,
  now = new Date(),
  params: DetectorParams = DEFAULT_PARAMS,
  /**
   * For detectors without saved state, learn the baseline only from hours before this instant and
   * replay every minute after it: how demo history gets its incidents. Default: the current hour.
   */
  replayFrom?: Date,
): Promise<TickSummary> {
  const lastMinute = Math.floor((now.getTime() - SETTLE_MS) / MINUTE) * MINUTE - MINUTE; // the last settled minute
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${DETECTOR_LOCK}) as locked`,
    );
    const summary: TickSummary = {
      ran: false,
      services: 0,
      regions: 0,
      minutes: 0,
      opened: 0,
      escalated: 0,
      resolved: 0,
    };
    if (!lock?.locked) return summary;
    summary.ran = true;

    const list = await tx.select({ id: services.id, category: services.category }).from(services);
    const priors = new Map(list.map((s) => [s.id, CATEGORY_PRIOR_PER_HOUR[s.category]]));
    const warmUntil = Math.floor(Math.min(replayFrom?.getTime() ?? lastMinute, lastMinute) / HOUR) * HOUR;
    const tracks = await loadTracks(tx, list, priors, warmUntil, lastMinute, params);
    summary.services = list.length;
    summary.regions = tracks.filter((t) => t.country !== null).length;

    const from = Math.min(...tracks.map((t) => t.through)) + MINUTE;
    if (tracks.length === 0 || from > lastMinute) return summary;
    const counts = await minuteCounts(tx, tracks, from, lastMinute);

    const open = await tx.select().from(incidents).where(isNull(incidents.endedAt));
    const openByService = new Map(open.map((i) => [i.serviceId, i]));
    const byService = new Map<number, Track[]>();
    for (const t of tracks) {
      const own = byService.get(t.serviceId) ?? [];
      // The service-wide track first: its minute is what the regional ones compare themselves with.
      byService.set(t.serviceId, t.country === null ? [t, ...own] : [...own, t]);
    }

    // Services whose live pages have something new: reports arrived or left their hour or day, or the level moved.
    const changed = new Set<number>();
    for (const [serviceId, own] of byService) {
      const before = openByService.get(serviceId);
      for (let t = from; t <= lastMinute; t += MINUTE) {
        let moved = false;
        // The service-wide detector steps first: each regional one compares itself with its minute.
        let parent: Minute["parent"];
        for (const track of own) {
          if (t <= track.through) continue;
          const c = counts.get(`${key(serviceId, track.country)}:${t}`) ?? { reporters: 0, networks: 0, shared: 0 };
          const step = stepMinute(
            track.state,
            {
              t,
              reporters: c.reporters,
              networks: c.networks,
              shared: c.shared,
              ...(track.country !== null && parent ? { parent } : {}),
            },
            track.prior,
            params,
          );
          track.state = step.state;
          if (track.country === null) parent = { recent: step.state.recent, expected: step.state.recentExpected };
          track.through = t;
          moved = true;
          summary.minutes++;
        }
        if (!moved) continue;
        const total = counts.get(`${key(serviceId, null)}:${t}`)?.reporters ?? 0;
        if (total > 0) changed.add(serviceId);
        await applyLevels(tx, serviceId, t, own, total, openByService, summary, params);
      }
      const after = openByService.get(serviceId);
      if (before?.id !== after?.id || before?.level !== after?.level) changed.add(serviceId);
    }

    await saveTracks(tx, tracks);
    await correlateUpstreams(tx, now);
    await detectIspIncidents(tx, now);
    await announceChanges(tx, await changesOf(tx, changed, from, lastMinute));
    return summary;
  });
}

/**
 * What pages hear of minutes [from, to]: the services in `ids`, and those whose reports just left the
 * last hour or the last day, which pages count.
 */
async function changesOf(tx: Tx, ids: Set<number>, from: number, to: number): Promise<ServiceChange[]> {
  const between = (ago: number) =>
    sql`bucket between ${new Date(from - ago).toISOString()}::timestamptz and ${new Date(to - ago).toISOString()}::timestamptz`;
  const found = await rows<{ slug: string; level: StatusLevel; since: Date | string | null }>(
    tx,
    sql`select s.slug, st.level, st.since from service_status st join services s on s.id = st.service_id
        where st.service_id in (select value::int from json_array_elements_text(${JSON.stringify([...ids])}::json))
           or st.service_id in (select service_id from service_minute_rollups
                                where reporters > 0 and (${between(HOUR)} or ${between(DAY)}))
        order by s.id`,
  );
  return found.map((r) => ({
    slug: r.slug,
    level: r.level,
    since: r.since ? new Date(r.since).toISOString() : null,
    t: to,
  }));
}

async function loadTracks(
  tx: Tx,
  list: Array<{ id: number }>,
  priors: Map<number, number>,
  warmUntil: number,
  lastMinute: number,
  params: DetectorParams,
): Promise<Track[]> {
  const saved = await rows<{
    service_id: number;
    country: string | null;
    through_minute: string | number;
    state: DetectorState;
  }>(
    tx,
    sql`select service_id, null as country, through_minute, state from detector_state
        union all select service_id, country, through_minute, state from regional_detector_state`,
  );
  const tracks = new Map<string, Track>();
  for (const r of saved) {
    const prior = priors.get(r.service_id) ?? 5;
    tracks.set(key(r.service_id, r.country), {
      serviceId: r.service_id,
      country: r.country,
      prior: r.country ? regionPrior(prior, r.country) : prior,
      through: Number(r.through_minute),
      state: r.state,
    });
  }

  const fresh: Track[] = [];
  for (const s of list) {
    if (tracks.has(key(s.id, null))) continue;
    const t: Track = {
      serviceId: s.id,
      country: null,
      prior: priors.get(s.id) ?? 5,
      through: 0,
      state: createDetector(params),
    };
    tracks.set(key(s.id, null), t);
    fresh.push(t);
  }

  // Countries with enough volume get their own detector; the set is reconsidered every hour.
  const oldest = Math.min(...[...tracks.values()].filter((t) => t.through > 0).map((t) => t.through));
  const newHour = !Number.isFinite(oldest) || Math.floor(lastMinute / HOUR) !== Math.floor(oldest / HOUR);
  if (newHour) {
    const week = sql`bucket >= ${new Date(warmUntil - 7 * DAY).toISOString()}::timestamptz and bucket < ${new Date(warmUntil).toISOString()}::timestamptz`;
    const volume = await rows<{ service_id: number; country: string; reporters: number; total: number; hours: number }>(
      tx,
      sql`with countries as (
            select service_id, country, sum(reporters)::int as reporters, min(bucket) as first
            from report_rollups where ${week} group by 1, 2
          ),
          subdivisions as (
            select service_id, subdivision as country, sum(reporters)::int as reporters
            from subdivision_rollups where ${week} group by 1, 2
          ),
          totals as (select service_id, sum(reporters)::int as total, min(first) as first from countries group by 1)
          select r.service_id, r.country, r.reporters, t.total,
                 greatest(24, extract(epoch from (${new Date(warmUntil).toISOString()}::timestamptz - t.first)) / 3600)::float as hours
          from (select service_id, country, reporters from countries union all select * from subdivisions) r
          join totals t using (service_id)`,
    );
    for (const v of volume) {
      if (
        v.reporters < REGION_MIN_PER_HOUR * Math.min(7 * 24, Number(v.hours)) ||
        v.reporters > REGION_MAX_SHARE * v.total ||
        tracks.has(key(v.service_id, v.country))
      )
        continue;
      const t: Track = {
        serviceId: v.service_id,
        country: v.country,
        prior: regionPrior(priors.get(v.service_id) ?? 5, v.country),
        through: 0,
        state: createDetector(params),
      };
      tracks.set(key(v.service_id, v.country), t);
      fresh.push(t);
    }
  }

  if (fresh.length > 0) {
    const since = new Date(warmUntil - WARM_START_DAYS * DAY).toISOString();
    const until = new Date(warmUntil).toISOString();
    const wholeServices = fresh.filter((t) => t.country === null).map((t) => t.serviceId);
    const pairs = regionPairs(fresh);
    const hourly = [
      ...(wholeServices.length
        ? await rows<Hourly>(
            tx,
            sql`select service_id, null as country, date_trunc('hour', bucket) as t, sum(reporters)::int as reporters, sum(networks)::int as networks
                from service_minute_rollups
                where bucket >= ${since}::timestamptz and bucket < ${until}::timestamptz
                  and service_id in (select (jsonb_array_elements_text(${JSON.stringify(wholeServices)}::jsonb))::int)
                group by 1, 3`,
          )
        : []),
      ...(pairs !== "[]"
        ? await rows<Hourly>(
            tx,
            sql`select r.service_id, r.region as country, date_trunc('hour', r.bucket) as t, sum(r.reporters)::int as reporters, sum(r.networks)::int as networks
                from (${regionalRollups}) r
                join json_to_recordset(${pairs}::json) as p(service_id int, country text) on p.service_id = r.service_id and p.country = r.region
                where r.bucket >= ${since}::timestamptz and r.bucket < ${until}::timestamptz
                group by 1, 2, 3`,
          )
        : []),
    ];
    warmTracks(fresh, hourly, warmUntil, params);
  }
  return [...tracks.values()];
}

/** The regional detectors' (service, region) pairs as JSON, for joining against their rollups. */
const regionPairs = (list: Track[]) =>
  JSON.stringify(list.filter((t) => t.country !== null).map((t) => ({ service_id: t.serviceId, country: t.country })));

/**
 * Per-minute rollups of every region a detector can watch: countries (ISO 3166-1, from report_rollups,
 * summed over symptoms) and subdivisions (ISO 3166-2 such as "US-NY", from subdivision_rollups).
 */
const regionalRollups = sql`
  select service_id, bucket, country as region, reporters, networks, shared from report_rollups
  union all select service_id, bucket, subdivision as region, reporters, networks, shared from subdivision_rollups`;

async function minuteCounts(tx: Tx, tracks: Track[], from: number, to: number) {
  const range = sql`bucket >= ${new Date(from).toISOString()}::timestamptz and bucket <= ${new Date(to).toISOString()}::timestamptz`;
  const pairs = regionPairs(tracks);
  type Counted = { reporters: number; networks: number; shared: number };
  const whole = await rows<{ service_id: number; t: Date | string } & Counted>(
    tx,
    sql`select service_id, bucket as t, reporters, networks, shared from service_minute_rollups where ${range}`,
  );
  const regional =
    pairs === "[]"
      ? []
      : await rows<{ service_id: number; country: string; t: Date | string } & Counted>(
          tx,
          sql`select r.service_id, r.region as country, r.bucket as t, sum(r.reporters)::int as reporters,
                     sum(r.networks)::int as networks, sum(r.shared)::float8 as shared
              from (${regionalRollups}) r
              join json_to_recordset(${pairs}::json) as p(service_id int, country text) on p.service_id = r.service_id and p.country = r.region
              where r.bucket >= ${new Date(from).toISOString()}::timestamptz and r.bucket <= ${new Date(to).toISOString()}::timestamptz
              group by 1, 2, 3`,
        );
  const counts = new Map<string, Counted>();
  const counted = (r: Counted): Counted => ({
    reporters: Number(r.reporters),
    networks: Number(r.networks),
    shared: Number(r.shared),
  });
  for (const r of whole) counts.set(`${key(r.service_id, null)}:${new Date(r.t).getTime()}`, counted(r));
  for (const r of regional) counts.set(`${key(r.service_id, r.country)}:${new Date(r.t).getTime()}`, counted(r));
  return counts;
}

/** Six significant digits are plenty for counts and rates, and halve what every tick reads and writes. */
const compact = (_key: string, v: unknown) =>
  typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v;

async function saveTracks(tx: Tx, tracks: Track[]) {
  const payload = (list: Track[]) =>
    JSON.stringify(
      list.map((t) => ({ service_id: t.serviceId, country: t.country, through_minute: t.through, state: t.state })),
      compact,
    );
  const whole = tracks.filter((t) => t.country === null);
  const regional = tracks.filter((t) => t.country !== null);
  if (whole.length) {
    await tx.execute(sql`
      insert into detector_state (service_id, through_minute, state, updated_at)
      select service_id, through_minute, state, now()
      from json_to_recordset(${payload(whole)}::json) as x(service_id int, through_minute bigint, state json)
      on conflict (service_id) do update
        set through_minute = excluded.through_minute, state = excluded.state, updated_at = excluded.updated_at`);
  }
  if (regional.length) {
    await tx.execute(sql`
      insert into regional_detector_state (service_id, country, through_minute, state, updated_at)
      select service_id, country, through_minute, state, now()
      from json_to_recordset(${payload(regional)}::json) as x(service_id int, country text, through_minute bigint, state json)
      on conflict (service_id, country) do update
        set through_minute = excluded.through_minute, state = excluded.state, updated_at = excluded.updated_at`);
  }
}

/** Turns the service's detectors' levels at minute `t` into incident transitions. */
async function applyLevels(
  tx: Tx,
  serviceId: number,
  t: number,
  own: Track[],
  reporters: number,
  openByService: Map<number, typeof incidents.$inferSelect>,
  summary: TickSummary,
  params: DetectorParams,
): Promise<void> {
  const at = new Date(t + MINUTE); // known once the minute is complete
  const alarmed = own.filter((tr) => tr.state.level !== "ok");
  const level = alarmed.reduce<StatusLevel>(
    (l, tr) => (statusSeverity(tr.state.level) > statusSeverity(l) ? tr.state.level : l),
    "ok",
  );
  const alarmedRegions = alarmed.flatMap((tr) => (tr.country ? [tr.country] : []));
  let incident = openByService.get(serviceId);

  if (!incident) {
    if (level === "ok") return;
    const startedAt = new Date(Math.min(...alarmed.map((tr) => tr.state.since ?? t)));
    const [created] = await tx
      .insert(incidents)
      .values({
        serviceId,
        level,
        startedAt,
        detectedAt: at,
        peakAt: new Date(t),
        peakRate: reporters,
        regions: alarmedRegions,
      })
      .returning();
    openByService.set(serviceId, created!);
    await tx.insert(incidentEvents).values({
      incidentId: created!.id,
      kind: "detected",
      at,
      level,
      message:
        alarmedRegions.length && !alarmed.some((tr) => tr.country === null)
          ? `Unusual reports in ${alarmedRegions.map(regionName).join("; ")}`
          : null,
    });
    await tx
      .update(serviceStatus)
      .set({ level, since: startedAt, incidentId: created!.id, updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    await enqueueIncidentEvent(tx, "incident.opened", created!.id, at);
    await enqueueAlert(tx, "opened", created!.id, at);
    summary.opened++;
    return;
  }

  const changes: Partial<typeof incidents.$inferInsert> = {};
  if (reporters > (incident.peakRate ?? 0)) Object.assign(changes, { peakAt: new Date(t), peakRate: reporters });
  const newRegions = alarmedRegions.filter((c) => !incident!.regions.includes(c));
  if (newRegions.length) changes.regions = [...incident.regions, ...newRegions];
  const escalated = level === "outage" && incident.level !== "outage";
  if (escalated) {
    changes.level = "outage";
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: "escalated", at, level: "outage" });
    await tx
      .update(serviceStatus)
      .set({ level: "outage", updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    summary.escalated++;
  }
  if (Object.keys(changes).length) {
    await tx.update(incidents).set(changes).where(eq(incidents.id, incident.id));
    incident = { ...incident, ...changes } as typeof incident;
    openByService.set(serviceId, incident);
  }
  if (escalated) {
    await enqueueIncidentEvent(tx, "incident.escalated", incident.id, at);
    await enqueueAlert(tx, "escalated", incident.id, at);
  }

  if (level === "ok") {
    // The incident ended when the calm began, not when the calm was long enough to be sure.
    const ends = own.flatMap((tr) => (tr.state.endedAt != null ? [tr.state.endedAt] : []));
    const endedAt = new Date(Math.min(t, ends.length ? Math.max(...ends) : t - (params.resolveMinutes - 1) * MINUTE));
    const affected = await affectedBy(tx, serviceId, incident.startedAt, endedAt);
    await tx
      .update(incidents)
      .set({ endedAt, regions: [...new Set([...incident.regions, ...affected.regions])], symptoms: affected.symptoms })
      .where(and(eq(incidents.id, incident.id), isNull(incidents.endedAt)));
    if (incident.peakAt) {
      await tx.insert(incidentEvents).values({
        incidentId: incident.id,
        kind: "peak",
        at: incident.peakAt,
        message: `${incident.peakRate} people reporting per minute`,
      });
    }
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: "resolved", at: endedAt, level: "ok" });
    await enqueueIncidentEvent(tx, "incident.resolved", incident.id, at);
    await enqueueAlert(tx, "resolved", incident.id, at);
    await tx
      .update(serviceStatus)
      .set({ level: "ok", since: endedAt, incidentId: null, updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    openByService.delete(serviceId);
    summary.resolved++;
  }
}
