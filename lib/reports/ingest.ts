import "server-only";
import { sql } from "drizzle-orm";
import { pgErrorCode, rows, type Db } from "@/db/client";

export interface IngestItem {
  serviceId: number;
  symptom: string;
  country: string;
  subdivision: string | null;
  text: string | null;
  reporter: string;
  network: string;
  createdAt: Date;
}

export interface IngestResult {
  id: number;
  counted: boolean;
}

const DEADLOCK = "40P01";

/**
 * Stores a batch of reports in ONE statement: the cooldown decision, the new-network mark, the raw
 * rows and both rollups commit together or not at all. A report counts when it is its reporter's first for
 * that service in the batch and the reporter's last counted report is older than the cooldown.
 * Items may carry past timestamps (demo history) and must then come in time order.
 */
export async function ingestReports(db: Db, items: IngestItem[], cooldownMinutes: number): Promise<IngestResult[]> {
  if (items.length === 0) return [];
  const payload = JSON.stringify(
    items.map((r, ord) => ({
      ord,
      service_id: r.serviceId,
      symptom: r.symptom,
      country: r.country,
      subdivision: r.subdivision,
      text: r.text,
      reporter: r.reporter,
      network: r.network,
      created_at: r.createdAt.toISOString(),
    })),
  );
  const statement = sql`
    with input as materialized (
      select x.*, nextval('reports_id_seq') as id
      from json_to_recordset(${payload}::json) as x(
        ord int, service_id int, symptom text, country text, subdivision text, text text,
        reporter text, network text, created_at timestamptz)
    ),
    firsts as (
      select distinct on (reporter, service_id) ord, reporter, service_id, created_at
      from input order by reporter, service_id, ord
    ),
    cooldown as (
      insert into reporter_cooldowns (reporter, service_id, last_counted_at)
      select reporter, service_id, created_at from firsts order by reporter, service_id
      on conflict (reporter, service_id) do update set last_counted_at = excluded.last_counted_at
        where reporter_cooldowns.last_counted_at <= excluded.last_counted_at - make_interval(mins => ${cooldownMinutes}::int)
      returning reporter, service_id
    ),
    judged as materialized (
      select i.*, (f.ord is not null and c.reporter is not null) as counted
      from input i
      left join firsts f on f.ord = i.ord
      left join cooldown c on c.reporter = i.reporter and c.service_id = i.service_id
    ),
    net_first as (
      select distinct on (service_id, network) ord, service_id, network, created_at
      from judged where counted
      order by service_id, network, ord
    ),
    sighting as (
      insert into network_sightings (service_id, network, last_seen)
      select service_id, network, created_at from net_first order by 1, 2
      on conflict (service_id, network) do update
        set prev_seen = network_sightings.last_seen, last_seen = excluded.last_seen
      returning service_id, network, prev_seen, last_seen
    ),
    final as materialized (
      select j.*, (f.ord is not null and (s.prev_seen is null or s.prev_seen <= s.last_seen - interval '15 minutes')) as new_network
      from judged j
      left join net_first f on f.ord = j.ord
      left join sighting s on s.service_id = f.service_id and s.network = f.network
    ),
    stored as (
      insert into reports (id, created_at, service_id, symptom, country, subdivision, text, reporter, network, counted)
      select id, created_at, service_id, symptom, country, subdivision, text, reporter, network, counted from final
    ),
    detail as (
      insert into report_rollups (service_id, bucket, country, symptom, reports, reporters, networks)
      select service_id, date_trunc('minute', created_at), country, symptom,
             count(*), count(*) filter (where counted), count(*) filter (where new_network)
      from final group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (service_id, bucket, country, symptom) do update
        set reports = report_rollups.reports + excluded.reports,
            reporters = report_rollups.reporters + excluded.reporters,
            networks = report_rollups.networks + excluded.networks
    ),
    totals as (
      insert into service_minute_rollups (service_id, bucket, reports, reporters, networks)
      select service_id, date_trunc('minute', created_at),
             count(*), count(*) filter (where counted), count(*) filter (where new_network)
      from final group by 1, 2 order by 1, 2
      on conflict (service_id, bucket) do update
        set reports = service_minute_rollups.reports + excluded.reports,
            reporters = service_minute_rollups.reporters + excluded.reporters,
            networks = service_minute_rollups.networks + excluded.networks
    )
    select id, counted from final order by ord`;

  for (let attempt = 1; ; attempt++) {
    try {
      const result = await rows<{ id: string | number; counted: boolean }>(db, statement);
      return result.map((r) => ({ id: Number(r.id), counted: r.counted }));
    } catch (error) {
      // Concurrent batches touching the same rollup rows can deadlock on a server; the statement
      // was rolled back whole, so running it again is safe.
      if (pgErrorCode(error) === DEADLOCK && attempt < 3) continue;
      throw error;
    }
  }
}

/** Cooldown and network-window rows older than their windows can no longer change a decision. */
export async function pruneCooldowns(db: Db, cooldownMinutes: number, now = new Date()): Promise<void> {
  await db.execute(
    sql`delete from reporter_cooldowns where last_counted_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${cooldownMinutes}::int)`,
  );
  await db.execute(
    sql`delete from network_sightings where last_seen < ${now.toISOString()}::timestamptz - interval '1 hour'`,
  );
}
