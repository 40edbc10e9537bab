import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { pgErrorCode, preparedRows, rows, type Db } from "@/db/client";
import { ensureReportPartitions, isMissingPartition } from "./partitions";
import { NETWORK_WINDOW_MINUTES, type IngestRules } from "./rules";

export interface IngestItem {
  serviceId: number;
  symptom: string;
  country: string;
  subdivision: string | null;
  text: string | null;
  /** The reporter's network operator, when known. */
  asn?: number | null;
  reporter: string;
  /** The reporter under yesterday's salt early in a UTC day, so a cooldown carries over midnight. */
  previousReporter?: string | null;
  network: string;
  /** The network under yesterday's salt early in a UTC day, so its window and last sighting carry over midnight. */
  previousNetwork?: string | null;
  createdAt: Date;
  /** Keyed hash of the client's Idempotency-Key, when it sent one. */
  idempotencyKey?: string | null;
  /** Hash of the report itself, kept with its Idempotency-Key: a retry must carry the same report. */
  idempotencyRequest?: string | null;
  /** The same under yesterday's salt: a key used before UTC midnight is still answered after it. */
}

export interface IngestResult {
  id: number;
  counted: boolean;
  /** Not counted because its network reached its cap for the window (a flood), rather than a repeat. */
  capped: boolean;
  /** True when an earlier report with the same Idempotency-Key is answered instead. */
  replayed: boolean;
  /** A replay whose key first came with a different report: the client reused a key by mistake. */
  otherRequest?: boolean;
}

const DEADLOCK = "40P01";

/**
 * Stores a batch of reports in ONE statement: the cooldown decision, the network cap, the new-network
 * mark, the raw rows and every rollup commit together or not at all. A report counts when it is its
 * reporter's first for that service in the batch, the reporter's last counted report is older than the
 * cooldown, and its network has brought fewer than `networkCap` such reporters in the current window.
 * Items may carry past timestamps (demo history) and must then come in time order.
 */
export async function ingestReports(db: Db, items: IngestItem[], rules: IngestRules): Promise<IngestResult[]> {
  if (items.length === 0) return [];
  const statement = ingestStatement(items, rules);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await preparedRows<StatementRow>(db, statement);
      return await withReplays(db, items, result);
    } catch (error) {
      // Concurrent batches touching the same rollup rows can deadlock on a server; the statement
      // was rolled back whole, so running it again is safe.
      if (pgErrorCode(error) === DEADLOCK && attempt < 3) continue;
      // A report for a day with no partition yet (demo history, a clock that jumped, maintenance
      // that has not run): make the days, then store the batch.
      if (isMissingPartition(error) && attempt < 3) {
        const times = items.map((r) => r.createdAt.getTime());
        const first = times.reduce((a, b) => Math.min(a, b));
        const last = times.reduce((a, b) => Math.max(a, b));
        await ensureReportPartitions(db, new Date(first), new Date(last));
        continue;
      }
      throw error;
    }
  }
}

/**
 * Items whose Idempotency-Key was already used come back without an id: they are answered with the
 * report that key first stored (committed, so a fresh read sees it, even from this batch).
 */
type StatementRow = { id: string | number | null; counted: boolean; capped: boolean };

async function withReplays(db: Db, items: IngestItem[], result: StatementRow[]): Promise<IngestResult[]> {
  const replayKeys = items
    .filter((_, i) => result[i]?.id === null)
    .map((item) => item.idempotencyKey)
    .filter((key): key is string => !!key);
  const earlier = new Map<string, { id: number; counted: boolean; capped: boolean; request: string | null }>();
  if (replayKeys.length > 0) {
    const found = await rows<{
      key: string;
      id: string | number;
      counted: boolean;
      capped: boolean;
      request: string | null;
    }>(
      db,
      sql`select k.key, r.id, r.counted, r.flag is not distinct from 'network_cap' as capped, k.request
          from idempotency_keys k
          join reports r on r.created_at = k.created_at and r.id = k.report_id
          where k.key in (${sql.join(
            replayKeys.map((k) => sql`${k}`),
            sql`, `,
          )})`,
    );
    for (const f of found)
      earlier.set(f.key, { id: Number(f.id), counted: f.counted, capped: f.capped, request: f.request });
  }
  return result.map((r, i) => {
    if (r.id !== null) return { id: Number(r.id), counted: r.counted, capped: r.capped, replayed: false };
    const { idempotencyKey, idempotencyRequest } = items[i]!;
    const first = earlier.get(idempotencyKey ?? "");
    if (!first) throw new Error("an Idempotency-Key was claimed but its report is missing");
    const otherRequest = first.request !== null && !!idempotencyRequest && first.request !== idempotencyRequest;
    return { id: first.id, counted: first.counted, capped: first.capped, replayed: true, otherRequest };
  });
}

/** The ingest statement for a batch, returning (id, counted, capped) per item in order; id is null for a replay. */
export function ingestStatement(items: IngestItem[], { cooldownMinutes, networkCap }: IngestRules): SQL {
  // One network window: a network is new to a service when it was quiet for a whole one.
  const networkWindow = sql.raw(`interval '${NETWORK_WINDOW_MINUTES} minutes'`);
  const carriedWindow = sql`y.window_start > b.first_at - ${networkWindow}`;
  const windowOver = sql`network_sightings.window_start is null or network_sightings.window_start <= excluded.window_start - ${networkWindow}`;
  // An absent value is left out (undefined), which json_to_recordset reads as null: most are absent
  // in most reports, and Postgres parses the batch character by character (docs/scaling.md).
  const payload = JSON.stringify(
    items.map((r, ord) => ({
      ord,
      service_id: r.serviceId,
      symptom: r.symptom,
      country: r.country,
      subdivision: r.subdivision ?? undefined,
      text: r.text ?? undefined,
      asn: r.asn ?? undefined,
      reporter: r.reporter,
      prev: r.previousReporter ?? undefined,
      network: r.network,
      prev_net: r.previousNetwork ?? undefined,
      created_at: r.createdAt.toISOString(),
      idem: r.idempotencyKey ?? undefined,
      idem_req: r.idempotencyRequest ?? undefined,
    })),
  );
  // The cooldown and network tables key on the hashes as uuids (db/schema.ts): ru, pu, nu and pnu.
  const source = sql`
      select x.*, x.reporter::uuid as ru, x.prev::uuid as pu, x.network::uuid as nu, x.prev_net::uuid as pnu,
             nextval('reports_id_seq') as id
      from json_to_recordset(${payload}::json) as x(
        ord int, service_id int, symptom text, country text, subdivision text, text text, asn bigint,
        reporter text, prev text, network text, prev_net text, created_at timestamptz, idem text,
        idem_req text)`;
  // A reporter's first report for the service in the batch is the one that may count.
  const first = sql`row_number() over (partition by reporter, service_id order by ord) = 1 as first`;
  // Most batches carry no Idempotency-Key: they skip the claim and one pass over every row.
  const keyed = items.some((r) => r.idempotencyKey);
  const input = keyed
    ? sql`
    given as materialized (${source}),
    claimed as (
      insert into idempotency_keys (key, report_id, created_at, request)
      select distinct on (idem) idem, id, created_at, idem_req from given g
      where idem is not null
      order by idem, ord
      on conflict (key) do nothing
      returning report_id
    ),
    -- A report whose key was used before (earlier in this batch, today or yesterday) is not stored again.
    input as materialized (
      select g.*, ${first} from given g where g.idem is null or g.id in (select report_id from claimed)
    ),`
    : sql`
    input as materialized (select s.*, ${first} from (${source}) s),`;
  const answer = keyed
    ? sql`select f.id, coalesce(f.counted, false) as counted, coalesce(f.capped, false) as capped
          from given g left join final f on f.ord = g.ord order by g.ord`
    : sql`select id, coalesce(counted, false) as counted, coalesce(capped, false) as capped from final order by ord`;
  // Early in a UTC day a network's hash is new: its first row under today's hash continues yesterday's
  // (the open window and the last sighting); later ones update today's row as on any other day. Should
  // another instance write today's first row after this statement began, yesterday's reporters are
  // counted twice in that window: a stricter cap for a few minutes, never a looser one.
  const carrying = items.some((r) => r.previousNetwork);
  const sightingRows = carrying
    ? sql`select b.service_id, b.network, y.last_seen, b.first_at,
             case when ${carriedWindow} then y.window_start else b.first_at end,
             case when ${carriedWindow} then y.window_count + b.n else b.n end
          from net_batch b left join network_sightings y
            on y.service_id = b.service_id and y.network = b.prev_network
            and not exists (select 1 from network_sightings t where t.service_id = b.service_id and t.network = b.network)
          order by 1, 2`
    : sql`select service_id, network, null::timestamptz, first_at, first_at, n from net_batch order by 1, 2`;
  // A counted report adds its operator's shared-address share to the rollups (db/schema.ts, network_shares).
  const operators = items.some((r) => r.asn != null);
  const shared = operators ? sql`coalesce(ns.shared, 0)` : sql`0::real`;
  const operatorJoin = operators ? sql`left join network_shares ns on ns.asn = j.asn` : sql``;
  return sql`
    with ${input}
    -- Early in a UTC day the reporter's hash is new; a cooldown counted under yesterday's still holds.
    cooldown as (
      insert into reporter_cooldowns (reporter, service_id, last_counted_at)
      select ru, service_id, created_at from input f
      where f.first and (f.prev is null or not exists (
        select 1 from reporter_cooldowns y
        where y.reporter = f.pu and y.service_id = f.service_id
          and y.last_counted_at > f.created_at - make_interval(mins => ${cooldownMinutes}::int)))
      order by ru, service_id
      on conflict (reporter, service_id) do update set last_counted_at = excluded.last_counted_at
        where reporter_cooldowns.last_counted_at <= excluded.last_counted_at - make_interval(mins => ${cooldownMinutes}::int)
      returning reporter, service_id
    ),
    -- net_rank and net_n: a report's place among its network's fresh reports in the batch, and their number.
    judged as materialized (
      select i.*, (i.first and c.reporter is not null) as fresh,
             row_number() over net as net_rank,
             count(*) over (net rows between unbounded preceding and unbounded following) as net_n
      from input i
      left join cooldown c on c.reporter = i.ru and c.service_id = i.service_id
      window net as (partition by i.service_id, i.network, (i.first and c.reporter is not null) order by i.ord)
    ),
    -- Per network block and service, a cap on reporters counted per window (NETWORK_WINDOW_MINUTES): a flood
    -- from one network is stored and flagged, not counted. One upsert also keeps when the network
    -- was last seen, which decides whether a counted report brings a new network.
    net_batch as (
      select service_id, nu as network, min(created_at) as first_at, count(*)::int as n${
        carrying ? sql`, (array_agg(pnu) filter (where pnu is not null))[1] as prev_network` : sql``
      }
      from judged where fresh group by 1, 2
    ),
    sighting as (
      insert into network_sightings (service_id, network, prev_seen, last_seen, window_start, window_count)
      ${sightingRows}
      on conflict (service_id, network) do update
        set prev_seen = network_sightings.last_seen,
            last_seen = excluded.last_seen,
            window_start = case when ${windowOver} then excluded.window_start else network_sightings.window_start end,
            window_count = case when ${windowOver} then excluded.window_count
                                else network_sightings.window_count + excluded.window_count end
      returning service_id, network, prev_seen, last_seen, window_count
    ),
    final as materialized (
      select j.*,
             (j.fresh and s.window_count - j.net_n + j.net_rank <= ${networkCap}::int) as counted,
             (j.fresh and s.window_count - j.net_n + j.net_rank > ${networkCap}::int) as capped,
             (j.fresh and j.net_rank = 1 and s.window_count - j.net_n < ${networkCap}::int
              and (s.prev_seen is null or s.prev_seen <= s.last_seen - ${networkWindow})) as new_network,
             ${shared} as shared
      from judged j
      left join sighting s on j.fresh and s.service_id = j.service_id and s.network = j.nu
      ${operatorJoin}
    ),
    stored as (
      insert into reports (id, created_at, service_id, symptom, country, subdivision, text, asn, counted, flag, new_network)
      select id, created_at, service_id, symptom, country, subdivision, text, asn, coalesce(counted, false),
             case when capped then 'network_cap' end, coalesce(new_network, false)
      from final
    ),
    detail as (
      insert into report_rollups (service_id, bucket, country, symptom, reports, reporters, networks, shared)
      select service_id, date_trunc('minute', created_at), country, symptom,
             count(*), count(*) filter (where counted), count(*) filter (where new_network),
             coalesce(sum(shared) filter (where counted), 0)
      from final group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (service_id, bucket, country, symptom) do update
        set reports = report_rollups.reports + excluded.reports,
            reporters = report_rollups.reporters + excluded.reporters,
            networks = report_rollups.networks + excluded.networks,
            shared = report_rollups.shared + excluded.shared
    ),
    subdivisions as (
      insert into subdivision_rollups (service_id, bucket, subdivision, reports, reporters, networks, shared)
      select service_id, date_trunc('minute', created_at), subdivision,
             count(*), count(*) filter (where counted), count(*) filter (where new_network),
             coalesce(sum(shared) filter (where counted), 0)
      from final where subdivision is not null group by 1, 2, 3 order by 1, 2, 3
      on conflict (service_id, bucket, subdivision) do update
        set reports = subdivision_rollups.reports + excluded.reports,
            reporters = subdivision_rollups.reporters + excluded.reporters,
            networks = subdivision_rollups.networks + excluded.networks,
            shared = subdivision_rollups.shared + excluded.shared
    ),
    totals as (
      insert into service_minute_rollups (service_id, bucket, reports, reporters, networks, shared)
      select service_id, date_trunc('minute', created_at),
             count(*), count(*) filter (where counted), count(*) filter (where new_network),
             coalesce(sum(shared) filter (where counted), 0)
      from final group by 1, 2 order by 1, 2
      on conflict (service_id, bucket) do update
        set reports = service_minute_rollups.reports + excluded.reports,
            reporters = service_minute_rollups.reporters + excluded.reporters,
            networks = service_minute_rollups.networks + excluded.networks,
            shared = service_minute_rollups.shared + excluded.shared
    )
    ${answer}`;
}

/**
 * Cooldown and network-window rows older than their windows can no longer change a decision; idempotency
 * keys last a day. The first two are scanned (they have no time index, see db/schema.ts).
 */
export async function pruneCooldowns(db: Db, cooldownMinutes: number, now = new Date()): Promise<void> {
  await db.execute(
    sql`delete from reporter_cooldowns where last_counted_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${cooldownMinutes}::int)`,
  );
  await db.execute(
    sql`delete from network_sightings where last_seen < ${now.toISOString()}::timestamptz - interval '1 hour'`,
  );
  await db.execute(
    sql`delete from idempotency_keys where created_at < ${now.toISOString()}::timestamptz - interval '1 day'`,
  );
}
