// npm run bench:tick — one detector tick over 1,000 services with 90 days of per-minute rollups,
// on the Postgres server (DATABASE_URL, default the local test server). Creates and drops its own
// database. Prints and writes bench/results/tick.md and bench/results/tick.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { runTick } from "@/lib/incidents/tick";
import { addBenchServices, withBenchDatabase } from "./database";
import { ensureReportPartitions } from "@/lib/reports/partitions";
import { detectIspIncidents } from "@/lib/isp/tick";
import { correlateUpstreams } from "@/lib/upstreams/tick";

const SERVICES = 1000;
const NETWORKS = 3000;
const REPORTS_PER_MINUTE = 2000;
const DAYS = 90;
const MINUTE = 60_000;
const log = (m: string) => console.log(`[bench:tick] ${m}`);

async function main() {
  await withBenchDatabase("tick", async ({ handle }) => {
    const db = handle.db;
    await addBenchServices(db, SERVICES);
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const start = now - DAYS * 86_400_000;
    // Busy services report every minute, quiet ones rarely: about one service-minute in six has rows.
    for (let day = 0; day < DAYS; day++) {
      const from = new Date(start + day * 86_400_000).toISOString();
      await db.execute(sql`
        insert into service_minute_rollups (service_id, bucket, reports, reporters, networks)
        select s.id, m, r, r, r
        from services s
        cross join generate_series(${from}::timestamptz, ${from}::timestamptz + interval '1 day' - interval '1 minute', interval '1 minute') m
        cross join lateral (select (1 + (random() * (1 + s.id % 7))::int) as r) x
        where s.id % 10 = 0 or random() < 0.08`);
      if ((day + 1) % 10 === 0 || day === DAYS - 1) log(`seeded ${day + 1}/${DAYS} days of rollups`);
    }
    // A hundred busy services also have three countries with volume of their own: 300 regional detectors.
    for (let day = DAYS - 14; day < DAYS; day++) {
      const from = new Date(start + day * 86_400_000).toISOString();
      await db.execute(sql`
        insert into report_rollups (service_id, bucket, country, symptom, reports, reporters, networks)
        select s.id, m, c, 'login', 2, 2, 2
        from services s
        cross join generate_series(${from}::timestamptz, ${from}::timestamptz + interval '1 day' - interval '1 minute', interval '1 minute') m
        cross join (values ('US'), ('DE'), ('GB')) as cc(c)
        where s.id % 10 = 0`);
    }
    log("seeded 14 days of per-country rollups for 100 services");
    // The same hundred also have three US states with volume of their own: 300 subdivision detectors.
    for (let day = DAYS - 14; day < DAYS; day++) {
      const from = new Date(start + day * 86_400_000).toISOString();
      await db.execute(sql`
        insert into subdivision_rollups (service_id, bucket, subdivision, reports, reporters, networks)
        select s.id, m, c, 1, 1, 1
        from services s
        cross join generate_series(${from}::timestamptz, ${from}::timestamptz + interval '1 day' - interval '1 minute', interval '1 minute') m
        cross join (values ('US-CA'), ('US-NY'), ('US-TX')) as cc(c)
        where s.id % 10 = 0`);
    }
    log("seeded 14 days of per-state rollups for 100 services");
    // What the network step reads: a week of hourly counts for 3,000 networks, and the last half
    // hour's raw reports of a busy site (2,000 counted reports a minute, each with its network).
    await db.execute(sql`
      insert into network_hours (hour, asn, reporters)
      select h, a, 1 + (random() * 20)::int
      from generate_series(date_trunc('hour', ${new Date(now - 7 * 86_400_000).toISOString()}::timestamptz),
                           date_trunc('hour', ${new Date(now).toISOString()}::timestamptz) - interval '1 hour', interval '1 hour') h
      cross join generate_series(1, ${NETWORKS}) a`);
    await ensureReportPartitions(db, new Date(now - 3_600_000), new Date(now + 3_600_000));
    await db.execute(sql`
      insert into reports (id, created_at, service_id, symptom, country, asn, counted)
      select nextval('reports_id_seq'), ${new Date(now - 30 * MINUTE).toISOString()}::timestamptz + (random() * interval '30 minutes'),
             1 + (random() * ${SERVICES - 1})::int, 'login', 'US', 1 + (random() * ${NETWORKS - 1})::int, true
      from generate_series(1, ${REPORTS_PER_MINUTE * 30})`);
    await db.execute(sql`analyze reports`);
    await db.execute(sql`analyze network_hours`);
    log(
      `seeded 7 days of hourly counts for ${NETWORKS} networks and ${REPORTS_PER_MINUTE * 30} reports in the last 30 minutes`,
    );
    await db.execute(sql`analyze subdivision_rollups`);
    await db.execute(sql`analyze service_minute_rollups`);
    await db.execute(sql`analyze report_rollups`);
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from service_minute_rollups`)) as unknown as [
      { n: number },
    ];
    log(`${n.toLocaleString("en")} rollup rows for ${SERVICES} services`);

    let t = Date.now();
    const first = await runTick(db, new Date(now + 20_000));
    const bootstrapMs = Date.now() - t;
    const [{ states }] = (await db.execute(
      sql`select count(*)::int as states from regional_detector_state where country like '%-%'`,
    )) as unknown as [{ states: number }];
    log(`${first.services} services and ${first.regions} regional detectors (${states} of them for US states)`);
    log(`first tick (baselines learned from 28 days of hourly history): ${bootstrapMs} ms`);

    const times: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const minute = new Date(now + (i - 1) * MINUTE).toISOString();
      await db.execute(sql`
        insert into service_minute_rollups (service_id, bucket, reports, reporters, networks)
        select id, ${minute}::timestamptz, 2, 2, 2 from services where id % 3 = 0
        on conflict do nothing`);
      await db.execute(sql`
        insert into report_rollups (service_id, bucket, country, symptom, reports, reporters, networks)
        select id, ${minute}::timestamptz, 'DE', 'login', 2, 2, 2 from services where id % 10 = 0
        on conflict do nothing`);
      await db.execute(sql`
        insert into subdivision_rollups (service_id, bucket, subdivision, reports, reporters, networks)
        select id, ${minute}::timestamptz, 'US-CA', 1, 1, 1 from services where id % 10 = 0
        on conflict do nothing`);
      t = Date.now();
      // Past the settling time (SETTLE_MS): each tick folds one more minute.
      await runTick(db, new Date(now + i * MINUTE + 20_000));
      times.push(Date.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    // The steady tick, if any, that began a new hour and so folded the past hour's network counts.
    const hourOf = (i: number) => Math.floor((now + i * MINUTE + 20_000) / 3_600_000);
    const foldTick = times.findIndex((_, i) => hourOf(i + 1) !== hourOf(i));
    // The steps after the detectors, alone: upstream causes and network (ISP) incidents.
    const stepTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = Date.now();
      await db.transaction(async (tx) => {
        await correlateUpstreams(tx, new Date(now + 10 * MINUTE));
        await detectIspIncidents(tx, new Date(now + 10 * MINUTE));
      });
      stepTimes.push(Date.now() - t);
    }
    const steps = [...stepTimes].sort((a, b) => a - b);
    log(`upstream and network steps alone: p50 ${steps[5]} ms, max ${steps.at(-1)} ms`);
    // Once an hour the network step also folds the past hour's reports into network counts.
    const nextHour = new Date(Math.ceil((now + 11 * MINUTE) / 3_600_000) * 3_600_000 + 20_000);
    t = Date.now();
    await db.transaction((tx) => detectIspIncidents(tx, nextHour));
    const foldMs = Date.now() - t;
    log(`network step in the tick that begins an hour (folds it): ${foldMs} ms`);
    const result = {
      services: SERVICES,
      regional_detectors: first.regions,
      subdivision_detectors: states,
      days: DAYS,
      rollup_rows: n,
      tick_p50_ms: sorted[Math.floor(sorted.length / 2)],
      tick_max_ms: sorted.at(-1),
      hour_fold_tick_ms: foldTick >= 0 ? times[foldTick] : null,
      hour_fold_step_ms: foldMs,
      causes_step_p50_ms: steps[5],
      causes_step_max_ms: steps.at(-1),
      networks: NETWORKS,
      window_reports: REPORTS_PER_MINUTE * 30,
      first_tick_ms: bootstrapMs,
      ticks_ms: times,
      target_ms: 1000,
      database: "postgres server",
      generated_at: new Date().toISOString(),
    };
    log(`steady ticks: p50 ${result.tick_p50_ms} ms, max ${result.tick_max_ms} ms (target < 1000 ms)`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/tick.json", JSON.stringify(result, null, 2) + "\n");
    writeFileSync(
      "bench/results/tick.md",
      `# Detector tick\n\nCommand: \`npm run bench:tick\` (${result.generated_at.slice(0, 10)}), Postgres server on this 2-core machine.\n\n| services | regional detectors (US states among them) | days of rollups | rollup rows | steady tick p50 | steady tick max | first tick (learns baselines) |\n| --- | --- | --- | --- | --- | --- | --- |\n| ${SERVICES} | ${first.regions} (${states}) | ${DAYS} | ${n.toLocaleString("en")} | ${result.tick_p50_ms} ms | ${result.tick_max_ms} ms | ${bootstrapMs} ms |\n\nA steady tick advances every service's detector by the minutes completed since the last one (here one), reading only those minutes' rollups and the saved detector states; the first tick of a service learns its baseline from 28 days of hourly sums once.\n\nEach tick then correlates upstream causes and judges networks (ISP incidents) from the last 30 minutes of raw reports; here ${(REPORTS_PER_MINUTE * 30).toLocaleString("en")} reports from ${NETWORKS.toLocaleString("en")} networks, with a week of hourly network counts. Those two steps alone: p50 ${steps[5]} ms, max ${steps.at(-1)} ms (included in the tick times above); in the tick that begins a new hour, the network step also folds the past hour's ${(REPORTS_PER_MINUTE * 30).toLocaleString("en")} reports into network counts: ${foldMs} ms.${foldTick >= 0 ? ` The steady tick that began a new hour, and so folded the past hour's reports into network counts, took ${times[foldTick]} ms.` : ""}\n`,
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
