// npm run bench:reads — page speed as the raw table grows and while reports flood in.
// Seeds 1,000 services and 90 days of reports in SQL (1 M rows, then 9 M more: 10 M), with their
// rollups, on the Postgres server; runs the production server against it and measures the pages
// people open during an outage — at 1 M rows, at 10 M rows, and at 10 M rows during an ingest flood
// of 5,000 reports/s; then the service page through Debian's nginx and its cache (deploy/nginx)
// during the same flood, counting how many of those requests reached the app. Prints and writes
// bench/results/reads.md and bench/results/reads.json.
// `-- --quick` seeds 100 k + 900 k and measures for less time (for trying it out).
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { CATALOG } from "@/db/catalog";
import type { Db } from "@/db/client";
import { ensureReportPartitions } from "@/lib/reports/partitions";
import { startAppServer } from "@/deploy/stack/app-server";
import { StackNginx } from "@/deploy/stack/nginx";
import { addBenchServices, withBenchDatabase } from "./database";
import { runLoad, throughput } from "./load/run";
import type { LoadResult } from "./load/protocol";

const quick = process.argv.includes("--quick");
const SERVICES = 1000;
const DAYS = 90;
const DAY = 86_400_000;
const FIRST = quick ? 100_000 : 1_000_000;
const TOTAL = quick ? 1_000_000 : 10_000_000;
const MEASURE_MS = quick ? 4_000 : 10_000;
const FLOOD_PER_S = 5_000;
const TARGET_P99_MS = 100;
/** The server's default; `PAGE_CACHE_SECONDS=0 npm run bench:reads` measures every request rendered. */
const PAGE_CACHE_SECONDS = Number(process.env.PAGE_CACHE_SECONDS ?? 5);
const log = (m: string) => console.log(`[bench:reads] ${m}`);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * `count` reports spread over the last 90 days, generated in SQL a day at a time, with their
 * rollups written from the same rows (so rollups equal raw rows, as ingest guarantees).
 * Service popularity follows a power law: a few services get most reports, as in life.
 */
async function seedReports(db: Db, count: number, now: number, label: string) {
  const perDay = Math.ceil(count / DAYS);
  for (let day = 0; day < DAYS; day++) {
    const from = new Date(now - (DAYS - day) * DAY).toISOString();
    await db.execute(sql`
      with fresh as (
        insert into reports (created_at, service_id, symptom, country, subdivision, text, counted)
        select ${from}::timestamptz + (random() * interval '1 day'),
               s.id,
               coalesce(s.symptoms->0->>'slug', 'login'),
               c.country,
               case when random() < 0.6 then c.sub end,
               -- About one report in twelve comes with a comment, as in the demo: pages list them.
               case when random() < 0.08 then 'Spinning forever, tried restarting.' end,
               random() < 0.95
        from generate_series(1, ${perDay}) g
        cross join lateral (select 1 + floor(${SERVICES} * power(random(), 3) + g * 0)::int as sid) pick
        join services s on s.id = pick.sid
        cross join lateral (
          select (array['US','US','US','GB','DE','FR','IN','BR','CA','JP'])[1 + floor(random() * 10 + g * 0)::int] as country,
                 (array['US-CA','US-TX','US-NY','GB-ENG','DE-BY','FR-IDF','IN-MH','BR-SP','CA-ON','JP-13'])[1 + floor(random() * 10 + g * 0)::int] as sub
        ) c
        returning created_at, service_id, symptom, country, subdivision, counted
      ),
      detail as (
        insert into report_rollups (service_id, bucket, country, symptom, reports, reporters, networks)
        select service_id, date_trunc('minute', created_at), country, symptom, count(*), count(*) filter (where counted), count(*) filter (where counted)
        from fresh group by 1, 2, 3, 4
        on conflict (service_id, bucket, country, symptom) do update
          set reports = report_rollups.reports + excluded.reports, reporters = report_rollups.reporters + excluded.reporters,
              networks = report_rollups.networks + excluded.networks
      ),
      subs as (
        insert into subdivision_rollups (service_id, bucket, subdivision, reports, reporters, networks)
        select service_id, date_trunc('minute', created_at), subdivision, count(*), count(*) filter (where counted), count(*) filter (where counted)
        from fresh where subdivision is not null group by 1, 2, 3
        on conflict (service_id, bucket, subdivision) do update
          set reports = subdivision_rollups.reports + excluded.reports, reporters = subdivision_rollups.reporters + excluded.reporters,
              networks = subdivision_rollups.networks + excluded.networks
      )
      insert into service_minute_rollups (service_id, bucket, reports, reporters, networks)
      select service_id, date_trunc('minute', created_at), count(*), count(*) filter (where counted), count(*) filter (where counted)
      from fresh group by 1, 2
      on conflict (service_id, bucket) do update
        set reports = service_minute_rollups.reports + excluded.reports, reporters = service_minute_rollups.reporters + excluded.reporters,
            networks = service_minute_rollups.networks + excluded.networks`);
    if ((day + 1) % 15 === 0)
      log(`  ${label}: day ${day + 1}/${DAYS} (${((day + 1) * perDay).toLocaleString("en")} reports)`);
  }
  await db.execute(sql`analyze`);
}

interface Page {
  path: string;
  headers?: Record<string, string>;
}

async function measure(
  origin: string,
  paths: Record<string, Page>,
  flood?: { services: Array<{ slug: string; symptoms: string[] }> },
) {
  const out: Record<string, { p50_ms: number; p99_ms: number; requests_per_s: number; errors: number }> = {};
  let floodResult: LoadResult | undefined;
  const floodRun = flood
    ? runLoad({
        origin,
        connections: 256,
        durationMs: (MEASURE_MS + 1_000) * Object.keys(paths).length + 3_000,
        ratePerSecond: FLOOD_PER_S,
        seed: 77,
        work: { kind: "reports", services: flood.services },
      }).then((r) => (floodResult = r))
    : Promise.resolve();
  if (flood) await new Promise((r) => setTimeout(r, 3_000)); // let the flood reach its rate
  for (const [label, { path, headers }] of Object.entries(paths)) {
    const r = await runLoad({
      origin,
      connections: 4,
      durationMs: MEASURE_MS,
      seed: 1,
      work: { kind: "get", paths: [path], headers },
    });
    const ok = r.statuses[200] ?? 0;
    out[label] = {
      p50_ms: round(r.latency.p50),
      p99_ms: round(r.latency.p99),
      requests_per_s: Math.round(throughput(r, 200)),
      errors: r.sent - ok,
    };
    log(
      `  ${label} (${path}): p50 ${out[label].p50_ms} ms, p99 ${out[label].p99_ms} ms, ${out[label].requests_per_s} req/s${out[label].errors ? `, ${out[label].errors} errors` : ""}`,
    );
    await new Promise((r) => setTimeout(r, 1_000));
  }
  await floodRun;
  const floodFigures = floodResult
    ? {
        reports_per_s: Math.round(throughput(floodResult, 201)),
        p99_ms: round(floodResult.latency.p99),
        errors: floodResult.sent - (floodResult.statuses[201] ?? 0),
      }
    : undefined;
  if (floodFigures)
    log(
      `  flood: ${floodFigures.reports_per_s} reports/s stored, p99 ${floodFigures.p99_ms} ms, errors ${floodFigures.errors}`,
    );
  return { pages: out, flood: floodFigures };
}

/** The app's page-cache answers so far, summed over its workers: a miss is a render. */
async function pageCacheCounts(origin: string): Promise<{ renders: number; requests: number }> {
  const text = await (await fetch(`${origin}/api/metrics`)).text();
  let renders = 0;
  let requests = 0;
  for (const m of text.matchAll(/^outage_radar_page_cache_total\{outcome="(\w+)"[^}]*\} (\S+)$/gm)) {
    requests += Number(m[2]);
    if (m[1] === "miss") renders += Number(m[2]);
  }
  return { renders, requests };
}

/**
 * The service page through nginx's cache (the deployed configuration) while the flood goes to the
 * app: what visitors get, and how much of it the app had to answer.
 */
async function measureCached(appOrigin: string, page: string, services: Array<{ slug: string; symptoms: string[] }>) {
  const nginx = new StackNginx(3311, [Number(new URL(appOrigin).port)]);
  await nginx.start();
  try {
    const flood = runLoad({
      origin: appOrigin,
      connections: 256,
      durationMs: MEASURE_MS + 4_000,
      ratePerSecond: FLOOD_PER_S,
      seed: 78,
      work: { kind: "reports", services },
    });
    await new Promise((r) => setTimeout(r, 3_000));
    const before = await pageCacheCounts(appOrigin);
    const readers = await runLoad({
      origin: nginx.origin,
      connections: 4,
      durationMs: MEASURE_MS,
      seed: 2,
      work: { kind: "get", paths: [page] },
    });
    const after = await pageCacheCounts(appOrigin);
    const floodResult = await flood;
    const seconds = readers.elapsedMs / 1000;
    const figures = {
      page,
      requests_per_s: Math.round(throughput(readers, 200)),
      p50_ms: round(readers.latency.p50),
      p99_ms: round(readers.latency.p99),
      errors: readers.sent - (readers.statuses[200] ?? 0),
      app_requests_per_s: round((after.requests - before.requests) / seconds),
      app_renders_per_s: round((after.renders - before.renders) / seconds),
      flood_reports_per_s: Math.round(throughput(floodResult, 201)),
    };
    log(
      `  through nginx: ${figures.requests_per_s} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms; reached the app ${figures.app_requests_per_s}/s, rendered ${figures.app_renders_per_s}/s; flood ${figures.flood_reports_per_s} reports/s`,
    );
    return figures;
  } finally {
    await nginx.stop();
  }
}

async function main() {
  await withBenchDatabase("reads", async ({ url: dbUrl, handle }) => {
    const db = handle.db;
    await addBenchServices(db, SERVICES);
    const now = Date.now();
    await ensureReportPartitions(db, new Date(now - DAYS * DAY), new Date(now + 3 * DAY));
    const [busy] = (await db.execute(sql`select slug from services where id = 1`)) as unknown as [{ slug: string }];
    // An outage of the busy service three days ago, as the detector would have recorded it.
    const [incident] = (await db.execute(sql`
      insert into incidents (service_id, level, started_at, detected_at, peak_at, peak_rate, ended_at, regions, symptoms)
      values (1, 'outage', now() - interval '3 days', now() - interval '3 days' + interval '4 minutes',
              now() - interval '3 days' + interval '20 minutes', 42.5, now() - interval '3 days' + interval '95 minutes',
              '["US", "GB"]', '["login"]')
      returning id`)) as unknown as [{ id: number }];
    const paths: Record<string, Page> = {
      home: { path: "/" },
      service_page: { path: `/status/${busy.slug}` },
      // What each open tab asks for once a minute (LiveRefresh): the page's RSC payload. The empty
      // `_rsc` is the cache-busting value Next.js expects for a request with no router state.
      service_page_live_refresh: { path: `/status/${busy.slug}?_rsc`, headers: { rsc: "1" } },
      // What each open tab asks for every 10 s: the live snapshot (chart, counts, comments).
      service_page_snapshot_poll: { path: `/api/v1/services/${busy.slug}/snapshot` },
      service_map: { path: `/status/${busy.slug}/map` },
      global_map: { path: "/map" },
      incident_page: { path: `/incidents/${incident.id}` },
    };

    log(`seeding ${FIRST.toLocaleString("en")} reports over ${DAYS} days for ${SERVICES} services…`);
    let t = Date.now();
    await seedReports(db, FIRST, now, "first pass");
    log(`  done in ${((Date.now() - t) / 1000).toFixed(0)} s`);

    const env = {
      DATABASE_URL: dbUrl,
      DEMO: "off",
      WEB_CONCURRENCY: "2",
      TRUSTED_PROXIES: "loopback",
      PAGE_CACHE_SECONDS: String(PAGE_CACHE_SECONDS),
    };
    let app = await startAppServer({ port: 3310, env });
    log(`measuring at ${FIRST.toLocaleString("en")} rows…`);
    const small = await measure(app.origin, paths);
    await app.stop();

    log(`seeding ${(TOTAL - FIRST).toLocaleString("en")} more reports…`);
    t = Date.now();
    await seedReports(db, TOTAL - FIRST, now, "second pass");
    log(`  done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from reports`)) as unknown as [{ n: number }];

    app = await startAppServer({ port: 3310, env });
    log(`measuring at ${n.toLocaleString("en")} rows…`);
    const large = await measure(app.origin, paths);
    log(`measuring at ${n.toLocaleString("en")} rows during a flood of ${FLOOD_PER_S.toLocaleString("en")} reports/s…`);
    const services = CATALOG.map((s) => ({ slug: s.slug, symptoms: s.symptoms.map((x) => x.slug) }));
    const flooded = await measure(app.origin, paths, { services });
    log(
      `measuring ${paths.service_page!.path} through nginx's cache during a flood of ${FLOOD_PER_S.toLocaleString("en")} reports/s…`,
    );
    const cached = await measureCached(app.origin, paths.service_page!.path, services);
    await app.stop();

    const result = {
      rows_small: FIRST,
      rows_large: n,
      services: SERVICES,
      days: DAYS,
      at_1m: small.pages,
      at_10m: large.pages,
      at_10m_flood: flooded.pages,
      flood: flooded.flood,
      service_page_p99_ms_10m_flood: flooded.pages.service_page!.p99_ms,
      target_p99_ms: TARGET_P99_MS,
      through_nginx_flood: cached,
      cached_status_page_rps_flood: cached.requests_per_s,
      app_renders_per_s_flood: cached.app_renders_per_s,
      pages: Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, v.path])),
      page_headers: Object.fromEntries(Object.entries(paths).flatMap(([k, v]) => (v.headers ? [[k, v.headers]] : []))),
      page_cache_seconds: PAGE_CACHE_SECONDS,
      quick,
      generated_at: new Date().toISOString(),
    };
    const row = (label: string, r: (typeof small.pages)[string]) =>
      `| ${label} | ${r.p50_ms} | ${r.p99_ms} | ${r.requests_per_s} | ${r.errors} |`;
    const table = (title: string, pages: typeof small.pages) =>
      [
        `### ${title}`,
        "",
        "| page | p50 ms | p99 ms | req/s (4 connections) | errors |",
        "| --- | --- | --- | --- | --- |",
        ...Object.entries(pages).map(([k, v]) => {
          const page = paths[k]!;
          const headers = Object.entries(page.headers ?? {}).map(([h, x]) => ` (\`${h}: ${x}\`)`);
          return row(`${k} \`${page.path}\`${headers.join("")}`, v);
        }),
        "",
      ].join("\n");
    const md = [
      "# Reads under load",
      "",
      `\`npm run bench:reads\`${quick ? " (--quick)" : ""}: ${SERVICES} services, ${DAYS} days of reports (one in twelve with a comment) generated in SQL with their rollups, on the Postgres server; the production server with 2 workers${PAGE_CACHE_SECONDS > 0 ? `, pages kept ${PAGE_CACHE_SECONDS} s by its page cache (rendered at most once per ${PAGE_CACHE_SECONDS} s per page and worker; every response still gets its own CSP nonce)` : ", page cache off (every request rendered)"}; each page requested over 4 keep-alive connections for ${MEASURE_MS / 1000} s (response time as the client sees it, body included). Server, Postgres and load generator share 2 cores.`,
      "",
      "`service_page_snapshot_poll` is what every open tab of a service page fetches every 10 s (chart, counts, comments): a JSON answer the page cache keeps like a page.",
      "",
      table(`${FIRST.toLocaleString("en")} rows`, small.pages),
      table(`${n.toLocaleString("en")} rows`, large.pages),
      table(
        `${n.toLocaleString("en")} rows during a flood of ${FLOOD_PER_S.toLocaleString("en")} reports/s`,
        flooded.pages,
      ),
      flooded.flood
        ? `Flood achieved: ${flooded.flood.reports_per_s.toLocaleString("en")} reports/s stored, p99 ${flooded.flood.p99_ms} ms, ${flooded.flood.errors} errors.`
        : "",
      "",
      `service_page_p99_ms_10m_flood: **${result.service_page_p99_ms_10m_flood} ms** (target ≤ ${TARGET_P99_MS} ms: ${result.service_page_p99_ms_10m_flood <= TARGET_P99_MS ? "met" : "not met"}).`,
      "",
      `### Through nginx's cache during the flood`,
      "",
      `Debian's nginx with the deployed configuration (\`deploy/nginx/proxy.conf\`: cache per the page's own \`Cache-Control\`, \`s-maxage=5, stale-while-revalidate=30\`, one request per page to the app at a time) in front of the same server; \`${cached.page}\` requested through it over 4 keep-alive connections for ${MEASURE_MS / 1000} s while ${FLOOD_PER_S.toLocaleString("en")} reports/s go to the app directly. *Reached the app*: requests the app's page cache answered in that time (its \`outage_radar_page_cache_total\`, every worker); *rendered*: those it had to render (misses).`,
      "",
      "| page | req/s (4 connections) | p50 ms | p99 ms | errors | reached the app /s | rendered /s |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      `| service_page \`${cached.page}\` | ${cached.requests_per_s} | ${cached.p50_ms} | ${cached.p99_ms} | ${cached.errors} | ${cached.app_requests_per_s} | ${cached.app_renders_per_s} |`,
      "",
      `Flood meanwhile: ${cached.flood_reports_per_s.toLocaleString("en")} reports/s stored. cached_status_page_rps_flood: **${cached.requests_per_s}**; app_renders_per_s_flood: **${cached.app_renders_per_s}** (at most about 1 per 5 s cache interval is the aim: ${cached.app_renders_per_s <= 0.3 ? "met" : "not met"}).`,
      "",
    ].join("\n");
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/reads.json", JSON.stringify(result, null, 2) + "\n");
    writeFileSync("bench/results/reads.md", md);
    console.log("\n" + md);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
