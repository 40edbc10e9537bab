import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { ingestReports } from "@/lib/reports/ingest";
import { DEFAULT_RULES } from "@/lib/reports/rules";
import { MINUTE, T0, traffic } from "./traffic";
import { runTick } from "@/lib/incidents/tick";

export interface CrashOutcome {
  /** The crashed tick left no trace, and the next one did the whole job. */
  consistent: boolean;
  checks: Record<string, boolean>;
}

/**
 * A detector tick that crashes half-way, for real: a trigger makes the database refuse the
 * incident's first timeline event, after the incident row itself was written in the same
 * transaction. Afterwards there must be no incident without its events, the service's status and
 * the detector's state must be as before, and the next tick (fault removed) must open the incident
 * with its timeline. Used by the integration test and by `npm run test:reliability`.
 */
export async function crashTickHalfway(db: Db, slug = "github"): Promise<CrashOutcome> {
  const [svc] = await rows<{ id: number }>(db, sql`select id from services where slug = ${slug}`);
  const serviceId = svc!.id;
  const quiet = [];
  for (let m = -2 * 1440; m < 0; m += 2) quiet.push(...traffic(serviceId, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
  const surge = traffic(serviceId, T0, T0 + 10 * MINUTE, 40, "DE");
  for (const items of [quiet, surge])
    for (let i = 0; i < items.length; i += 2000) await ingestReports(db, items.slice(i, i + 2000), DEFAULT_RULES);
  await runTick(db, new Date(T0 + 30_000));

  const snapshot = async () =>
    (
      await rows<{ incidents: number; events: number; level: string; through: string }>(
        db,
        sql`select (select count(*)::int from incidents where service_id = ${serviceId}) as incidents,
                   (select count(*)::int from incident_events) as events,
                   (select level from service_status where service_id = ${serviceId}) as level,
                   (select through_minute::text from detector_state where service_id = ${serviceId}) as through`,
      )
    )[0]!;
  const before = await snapshot();
  await db.execute(sql`create or replace function outage_radar_injected_fault() returns trigger language plpgsql as $$
    begin raise exception 'injected fault: the tick crashed half-way'; end $$`);
  await db.execute(sql`create trigger outage_radar_injected_fault before insert on incident_events
    for each row execute function outage_radar_injected_fault()`);
  let crashed = false;
  try {
    await runTick(db, new Date(T0 + 8 * MINUTE));
  } catch {
    crashed = true;
  } finally {
    await db.execute(sql`drop trigger if exists outage_radar_injected_fault on incident_events`);
    await db.execute(sql`drop function if exists outage_radar_injected_fault()`);
  }
  const afterCrash = await snapshot();
  const summary = await runTick(db, new Date(T0 + 8 * MINUTE));
  const [opened] = await rows<{ id: number; events: number; status_incident: number | null }>(
    db,
    sql`select i.id, (select count(*)::int from incident_events e where e.incident_id = i.id) as events,
               (select incident_id from service_status where service_id = ${serviceId}) as status_incident
        from incidents i where i.service_id = ${serviceId} and i.ended_at is null`,
  );
  const checks = {
    crashed,
    "no incident left by the crashed tick": afterCrash.incidents === before.incidents,
    "no timeline event left by it": afterCrash.events === before.events,
    "service status unchanged": afterCrash.level === before.level,
    "detector state unchanged": afterCrash.through === before.through,
    "next tick opens the incident": summary.opened === 1 && opened !== undefined,
    "with its timeline": (opened?.events ?? 0) >= 1,
    "and the status points at it": opened !== undefined && opened.status_incident === opened.id,
  };
  return { consistent: Object.values(checks).every(Boolean), checks };
}
