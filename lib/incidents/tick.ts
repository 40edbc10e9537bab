import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { incidentEvents, incidents, serviceStatus, services } from "@/db/schema";
import type { CategorySlug } from "@/lib/catalog/constants";
import { createDetector, stepMinute, warmStart, type DetectorState, type Evaluation } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, DEFAULT_PARAMS, type DetectorParams } from "@/lib/detection/params";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** History a service without saved state learns its baseline from. */
const WARM_START_DAYS = 28;
/** Advisory-lock key: with several app instances exactly one evaluates a tick. */
export const DETECTOR_LOCK = 7_201_121;

export interface TickSummary {
  ran: boolean;
  services: number;
  minutes: number;
  opened: number;
  escalated: number;
  resolved: number;
}

interface ServiceRow {
  id: number;
  category: CategorySlug;
}

/**
 * One detector tick: advances every service's detector through the minutes completed since its
 * last tick and opens, escalates and resolves incidents. Everything happens in one transaction
 * under a transaction-scoped advisory lock, so a crash leaves nothing half-done, a repeated tick
 * finds no new minutes, and a second instance skips.
 */
export async function runTick(
  db: Db,
  now = new Date(),
  params: DetectorParams = DEFAULT_PARAMS,
  /**
   * For services without saved state, learn the baseline only from hours before this instant and
   * replay every minute after it: how demo history gets its incidents. Default: the current hour.
   */
  replayFrom?: Date,
): Promise<TickSummary> {
  const lastMinute = Math.floor(now.getTime() / MINUTE) * MINUTE - MINUTE; // the last complete minute
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${DETECTOR_LOCK}) as locked`,
    );
    const summary: TickSummary = { ran: false, services: 0, minutes: 0, opened: 0, escalated: 0, resolved: 0 };
    if (!lock?.locked) return summary;
    summary.ran = true;

    const list = await tx.select({ id: services.id, category: services.category }).from(services);
    const saved = await rows<{ service_id: number; through_minute: string | number; state: DetectorState }>(
      tx,
      sql`select service_id, through_minute, state from detector_state`,
    );
    const states = new Map(saved.map((r) => [r.service_id, { through: Number(r.through_minute), state: r.state }]));

    // Services never evaluated learn from hourly history, then step minutes from the current hour.
    const currentHour = Math.floor(Math.min(replayFrom?.getTime() ?? lastMinute, lastMinute) / HOUR) * HOUR;
    const fresh = list.filter((s) => !states.has(s.id));
    if (fresh.length > 0) {
      const hourly = await rows<{ service_id: number; t: Date | string; reporters: number; networks: number }>(
        tx,
        sql`select service_id, date_trunc('hour', bucket) as t, sum(reporters)::int as reporters, sum(networks)::int as networks
            from service_minute_rollups
            where bucket >= ${new Date(currentHour - WARM_START_DAYS * 86_400_000).toISOString()}::timestamptz
              and bucket < ${new Date(currentHour).toISOString()}::timestamptz
            group by 1, 2 order by 1, 2`,
      );
      const byService = new Map<number, Array<{ t: number; reporters: number; networks: number }>>();
      for (const h of hourly) {
        const arr = byService.get(h.service_id) ?? [];
        arr.push({ t: new Date(h.t).getTime(), reporters: Number(h.reporters), networks: Number(h.networks) });
        byService.set(h.service_id, arr);
      }
      for (const s of fresh) {
        const prior = CATEGORY_PRIOR_PER_HOUR[s.category];
        const known = new Map((byService.get(s.id) ?? []).map((h) => [h.t, h]));
        const first = byService.get(s.id)?.[0]?.t;
        const hours = [];
        // Hours without rows had no reports: they are zeros the baseline must learn too.
        if (first !== undefined)
          for (let t = first; t < currentHour; t += HOUR) hours.push(known.get(t) ?? { t, reporters: 0, networks: 0 });
        const state = hours.length
          ? warmStart(hours, prior, params)
          : { ...createDetector(params), lastT: currentHour - MINUTE };
        states.set(s.id, { through: currentHour - MINUTE, state });
      }
    }

    const from = Math.min(...[...states.values()].map((v) => v.through)) + MINUTE;
    if (from > lastMinute) return { ...summary, services: list.length };
    const minuteRows = await rows<{ service_id: number; t: Date | string; reporters: number; networks: number }>(
      tx,
      sql`select service_id, bucket as t, reporters, networks from service_minute_rollups
          where bucket >= ${new Date(from).toISOString()}::timestamptz and bucket <= ${new Date(lastMinute).toISOString()}::timestamptz`,
    );
    const counts = new Map<string, { reporters: number; networks: number }>();
    for (const r of minuteRows)
      counts.set(`${r.service_id}:${new Date(r.t).getTime()}`, {
        reporters: Number(r.reporters),
        networks: Number(r.networks),
      });

    const open = await tx.select().from(incidents).where(isNull(incidents.endedAt));
    const openByService = new Map(open.map((i) => [i.serviceId, i]));
    const updates: Array<{ service_id: number; through_minute: number; state: DetectorState }> = [];

    for (const s of list as ServiceRow[]) {
      const entry = states.get(s.id)!;
      let state = entry.state;
      const prior = CATEGORY_PRIOR_PER_HOUR[s.category];
      for (let t = entry.through + MINUTE; t <= lastMinute; t += MINUTE) {
        const c = counts.get(`${s.id}:${t}`) ?? { reporters: 0, networks: 0 };
        const step = stepMinute(state, { t, reporters: c.reporters, networks: c.networks }, prior, params);
        state = step.state;
        summary.minutes++;
        await applyEvaluation(tx, s.id, step.evaluation, state, c.reporters, openByService, summary, params);
      }
      updates.push({ service_id: s.id, through_minute: lastMinute, state });
    }

    if (updates.length > 0) {
      await tx.execute(sql`
        insert into detector_state (service_id, through_minute, state, updated_at)
        select service_id, through_minute, state, now()
        from json_to_recordset(${JSON.stringify(updates)}::json) as x(service_id int, through_minute bigint, state jsonb)
        on conflict (service_id) do update
          set through_minute = excluded.through_minute, state = excluded.state, updated_at = excluded.updated_at`);
    }
    summary.services = list.length;
    return summary;
  });
}

async function applyEvaluation(
  tx: Tx,
  serviceId: number,
  e: Evaluation,
  state: DetectorState,
  reporters: number,
  openByService: Map<number, typeof incidents.$inferSelect>,
  summary: TickSummary,
  params: DetectorParams,
): Promise<void> {
  const at = new Date(e.t + MINUTE); // known once the minute is complete
  let incident = openByService.get(serviceId);

  if (e.transition === "raised") {
    const startedAt = new Date(state.since ?? e.t);
    const [created] = await tx
      .insert(incidents)
      .values({ serviceId, level: e.level, startedAt, detectedAt: at, peakAt: new Date(e.t), peakRate: reporters })
      .returning();
    incident = created!;
    openByService.set(serviceId, incident);
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: "detected", at, level: e.level });
    await tx
      .update(serviceStatus)
      .set({ level: e.level, since: startedAt, incidentId: incident.id, updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    summary.opened++;
    return;
  }
  if (!incident) return;

  if (reporters > (incident.peakRate ?? 0)) {
    incident = { ...incident, peakAt: new Date(e.t), peakRate: reporters };
    openByService.set(serviceId, incident);
    await tx
      .update(incidents)
      .set({ peakAt: incident.peakAt, peakRate: reporters })
      .where(eq(incidents.id, incident.id));
  }
  if (e.transition === "escalated") {
    await tx.update(incidents).set({ level: "outage" }).where(eq(incidents.id, incident.id));
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: "escalated", at, level: "outage" });
    await tx
      .update(serviceStatus)
      .set({ level: "outage", updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    openByService.set(serviceId, { ...incident, level: "outage" });
    summary.escalated++;
  }
  if (e.transition === "resolved") {
    // The incident ended when the calm began, not when the calm was long enough to be sure.
    const endedAt = new Date(e.t - (params.resolveMinutes - 1) * MINUTE);
    const affected = await affectedBy(tx, serviceId, incident.startedAt, endedAt);
    await tx
      .update(incidents)
      .set({ endedAt, regions: affected.regions, symptoms: affected.symptoms })
      .where(and(eq(incidents.id, incident.id), isNull(incidents.endedAt)));
    if (incident.peakAt) {
      await tx
        .insert(incidentEvents)
        .values({
          incidentId: incident.id,
          kind: "peak",
          at: incident.peakAt,
          message: `${incident.peakRate} people reporting per minute`,
        });
    }
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: "resolved", at: endedAt, level: "ok" });
    await tx
      .update(serviceStatus)
      .set({ level: "ok", since: endedAt, incidentId: null, updatedAt: at })
      .where(eq(serviceStatus.serviceId, serviceId));
    openByService.delete(serviceId);
    summary.resolved++;
  }
}

/** Countries and symptoms that carried at least 5% of an incident's reporters, most first. */
async function affectedBy(tx: Tx, serviceId: number, from: Date, to: Date) {
  const top = async (column: "country" | "symptom") =>
    (
      await rows<{ key: string }>(
        tx,
        sql`select ${sql.identifier(column)} as key from report_rollups
            where service_id = ${serviceId} and bucket >= ${from.toISOString()}::timestamptz and bucket <= ${to.toISOString()}::timestamptz
            group by 1 having sum(reporters) >= 0.05 * (select greatest(1, sum(reporters)) from report_rollups
              where service_id = ${serviceId} and bucket >= ${from.toISOString()}::timestamptz and bucket <= ${to.toISOString()}::timestamptz)
            order by sum(reporters) desc limit 8`,
      )
    ).map((r) => r.key);
  return { regions: await top("country"), symptoms: await top("symptom") };
}
