// npm run bench:tick — one detector tick over 1,000 services with 90 days of per-minute rollups,
// on the Postgres server (DATABASE_URL, default the local test server). Creates and drops its own
// database. Prints and writes bench/results/tick.md and bench/results/tick.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { runTick } from "@/lib/incidents/tick";
import { addBenchServices, withBenchDatabase } from "./database";

const SERVICES = 1000;
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
    const result = {
      services: SERVICES,
      regional_detectors: first.regions,
      subdivision_detectors: states,
      days: DAYS,
      rollup_rows: n,
      tick_p50_ms: sorted[Math.floor(sorted.length / 2)],
      tick_max_ms: sorted.at(-1),
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
      `# Detector tick\n\nCommand: \`npm run bench:tick\` (${result.generated_at.slice(0, 10)}), Postgres server on this 2-core machine.\n\n| services | regional detectors (US states among them) | days of rollups | rollup rows | steady tick p50 | steady tick max | first tick (learns baselines) |\n| --- | --- | --- | --- | --- | --- | --- |\n| ${SERVICES} | ${first.regions} (${states}) | ${DAYS} | ${n.toLocaleString("en")} | ${result.tick_p50_ms} ms | ${result.tick_max_ms} ms | ${bootstrapMs} ms |\n\nA steady tick advances every service's detector by the minutes completed since the last one (here one), reading only those minutes' rollups and the saved detector states; the first tick of a service learns its baseline from 28 days of hourly sums once.\n`,
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
