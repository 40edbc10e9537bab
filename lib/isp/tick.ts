import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import { ispIncidents, networks } from "@/db/schema";
import { SHARED_MAX } from "@/lib/detection/params";
import { asnDatabase } from "@/lib/networks/asn";
import { judgeNetwork, MIN_REPORTERS, MIN_SERVICES, standingOut, WINDOW_MINUTES, type NetworkHistory } from "./detect";

const HOUR = 3_600_000;
/** How far back a network's usual share is learnt, and how far the first fold reaches. */
const HISTORY_DAYS = 7;
/** Pseudo-reports at everyone's rate that an operator's own rate is shrunk toward. */
const SHARED_PRIOR_REPORTERS = 50;

/**
 * The tick's step for networks: folds completed hours into network_hours, then opens, updates and
 * ends ISP incidents from the last WINDOW_MINUTES of reports. Runs in the tick's transaction.
 */
export async function detectIspIncidents(tx: Tx, now: Date): Promise<{ opened: number; closed: number }> {
  await foldHours(tx, now);
  const from = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const cells = await rows<{ asn: number | string; service_id: number; reporters: number }>(
    tx,
    sql`select asn, service_id, count(*)::int as reporters
        from reports
        where created_at >= ${from.toISOString()}::timestamptz and created_at < ${now.toISOString()}::timestamptz
          and counted and asn is not null
        group by asn, service_id`,
  );
  const serviceTotals = new Map<number, number>();
  const byAsn = new Map<number, Map<number, number>>();
  let windowTotal = 0;
  for (const c of cells) {
    const asn = Number(c.asn);
    windowTotal += c.reporters;
    serviceTotals.set(c.service_id, (serviceTotals.get(c.service_id) ?? 0) + c.reporters);
    byAsn.set(asn, (byAsn.get(asn) ?? new Map()).set(c.service_id, c.reporters));
  }
  const open = await tx.select().from(ispIncidents).where(isNull(ispIncidents.endedAt));
  const openAsns = new Set(open.map((o) => o.asn));
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const asns = [...byAsn]
    .filter(([asn, m]) => openAsns.has(asn) || (sum(m) >= MIN_REPORTERS && m.size >= MIN_SERVICES))
    .map(([asn]) => asn);
  const histories = await historiesOf(tx, [...new Set([...asns, ...openAsns])], now);
  const candidates = asns.map((asn) => {
    const perService = byAsn.get(asn)!;
    const history = histories.get(asn);
    const share = history && history.total > 0 ? history.reporters / history.total : 0;
    return { asn, reporters: sum(perService), serviceIds: standingOut(perService, serviceTotals, share) };
  });

  let opened = 0;
  let closed = 0;
  for (const incident of open) {
    const w = candidates.find((c) => c.asn === incident.asn) ?? { asn: incident.asn, reporters: 0, serviceIds: [] };
    const verdict = judgeNetwork(w, histories.get(incident.asn), windowTotal, true);
    if (!verdict?.trouble) {
      closed++;
      await tx.update(ispIncidents).set({ endedAt: now, updatedAt: now }).where(eq(ispIncidents.id, incident.id));
      continue;
    }
    await tx
      .update(ispIncidents)
      .set({
        serviceIds: [...new Set([...incident.serviceIds, ...verdict.serviceIds])].sort((a, b) => a - b),
        peakReporters: Math.max(incident.peakReporters, verdict.reporters),
        expected: incident.peakReporters >= verdict.reporters ? incident.expected : verdict.expected,
        updatedAt: now,
      })
      .where(eq(ispIncidents.id, incident.id));
  }
  for (const w of candidates) {
    if (openAsns.has(w.asn)) continue;
    const verdict = judgeNetwork(w, histories.get(w.asn), windowTotal, false);
    if (!verdict?.trouble) continue;
    opened++;
    await tx.insert(ispIncidents).values({
      asn: w.asn,
      startedAt: from,
      serviceIds: w.serviceIds,
      peakReporters: w.reporters,
      expected: verdict.expected,
      updatedAt: now,
    });
    const name = (await asnDatabase()).name(w.asn);
    if (name)
      await tx
        .insert(networks)
        .values({ asn: w.asn, name })
        .onConflictDoUpdate({ target: networks.asn, set: { name } });
  }
  return { opened, closed };
}

/** Folds every completed hour not yet folded (within HISTORY_DAYS) into network_hours. */
async function foldHours(tx: Tx, now: Date): Promise<void> {
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  const [last] = await rows<{ hour: Date | string | null }>(tx, sql`select max(hour) as hour from network_hours`);
  const from = Math.max(last?.hour ? new Date(last.hour).getTime() + HOUR : 0, current - HISTORY_DAYS * 24 * HOUR);
  if (from >= current) return;
  await tx.execute(
    sql`insert into network_hours (hour, asn, reporters, networks)
        select date_trunc('hour', created_at), asn, count(*)::int, count(*) filter (where new_network)::int from reports
        where created_at >= ${new Date(from).toISOString()}::timestamptz
          and created_at < ${new Date(current).toISOString()}::timestamptz and counted and asn is not null
        group by 1, 2
        on conflict (hour, asn) do nothing`,
  );
  // The hour is folded even when nobody reported from a known network in it.
  await tx.execute(
    sql`insert into network_hours (hour, asn, reporters) values (${new Date(current - HOUR).toISOString()}::timestamptz, 0, 0)
        on conflict (hour, asn) do nothing`,
  );
  // Each network's sum over the history, kept as a running total: the hours just folded are added,
  // the hours that left the week subtracted, so a tick reads one row per network and an hour's fold
  // costs that hour, never the week.
  await tx.execute(
    sql`insert into network_shares (asn, reporters, networks)
        select asn, sum(reporters)::int, sum(networks)::int from network_hours
        where hour >= ${new Date(from).toISOString()}::timestamptz and hour < ${new Date(current).toISOString()}::timestamptz and asn <> 0
        group by asn
        on conflict (asn) do update set reporters = network_shares.reporters + excluded.reporters,
                                        networks = network_shares.networks + excluded.networks`,
  );
  const since = new Date(current - HISTORY_DAYS * 24 * HOUR).toISOString();
  await tx.execute(
    sql`with gone as (delete from network_hours where hour < ${since}::timestamptz returning asn, reporters, networks),
             lost as (select asn, sum(reporters)::int as reporters, sum(networks)::int as networks
                      from gone where asn <> 0 group by asn)
        update network_shares s set reporters = s.reporters - lost.reporters, networks = s.networks - lost.networks
        from lost where s.asn = lost.asn`,
  );
  await tx.execute(sql`delete from network_shares where reporters <= 0`);
  await tx.execute(sharedAddressesStatement());
}

/**
 * Each operator's shared-address share (db/schema.ts, network_shares.shared): 1 − its new networks
 * per reporter over everyone's, its rate shrunk toward everyone's by SHARED_PRIOR_REPORTERS so a
 * handful of reports cannot move it far, and capped at SHARED_MAX so no operator's customers are
 * ever excused from bringing networks altogether.
 */
function sharedAddressesStatement() {
  return sql`with everyone as (
      -- No new networks recorded anywhere yet (reports from before they were): nobody is known to share.
      select nullif(sum(networks), 0)::float8 / nullif(sum(reporters), 0) as rate from network_shares
    )
    update network_shares s
    set shared = coalesce(least(${SHARED_MAX}::float8, greatest(0::float8,
          1 - ((s.networks + ${SHARED_PRIOR_REPORTERS}::float8 * e.rate) / (s.reporters + ${SHARED_PRIOR_REPORTERS}::float8)) / e.rate)), 0)
    from everyone e`;
}

async function historiesOf(tx: Tx, asns: number[], now: Date): Promise<Map<number, NetworkHistory>> {
  if (!asns.length) return new Map();
  const [[totals], own] = await Promise.all([
    rows<{ total: number; first: Date | string | null }>(
      tx,
      sql`select (select coalesce(sum(reporters), 0)::int from network_shares) as total,
                 (select min(hour) from network_hours) as first`,
    ),
    rows<{ asn: number | string; reporters: number }>(
      tx,
      sql`select asn, reporters from network_shares where asn in (${sql.join(
        asns.map((a) => sql`${a}`),
        sql`, `,
      )})`,
    ),
  ]);
  const folded = Math.floor(now.getTime() / HOUR) * HOUR;
  const hours = totals?.first ? Math.round((folded - new Date(totals.first).getTime()) / HOUR) : 0;
  const byAsn = new Map(own.map((r) => [Number(r.asn), r.reporters]));
  return new Map(asns.map((asn) => [asn, { reporters: byAsn.get(asn) ?? 0, total: totals?.total ?? 0, hours }]));
}
