// npm run bench:ingest — report ingest at outage scale, with this machine's ceilings in the same run.
// 1. bare node:http answering 204 (no work): the ceiling for any HTTP handler here, before and after 3;
// 2. a raw multi-row INSERT loop into a reports-shaped table: the ceiling for storing rows;
// 3. the production server (server/main.ts on the Postgres server) taking realistic reports at rising
//    concurrency for fixed durations; then every acknowledged report is counted in the database.
// Prints and writes bench/results/ingest.md and bench/results/ingest.json.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import postgres from "postgres";
import { CATALOG } from "@/db/catalog";
import { startAppServer } from "@/deploy/stack/app-server";
import { withBenchDatabase } from "./database";
import { cpuSecondsOf } from "./cpu";
import { runLoad, throughput } from "./load/run";
import type { LoadResult } from "./load/protocol";

const quick = process.argv.includes("--quick");
const PHASE_MS = quick ? 4_000 : 15_000;
const LEVELS = quick ? [64, 256] : [64, 256, 384, 512, 1024];
/** Both cores for request handling: the production setting for a Postgres server on this machine. */
const WORKERS = 2;
const TARGET = { reportsPerS: 20_000, p99Ms: 50 };
const log = (m: string) => console.log(`[bench:ingest] ${m}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const perReport = (cores: { server: number; postgres: number; load: number }, perS: number) => ({
  server: Math.round((cores.server * 1e6) / perS),
  postgres: Math.round((cores.postgres * 1e6) / perS),
  load: Math.round((cores.load * 1e6) / perS),
});

async function bareCeiling(): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/load/bare-server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  const port = Number(chunk.toString().trim());
  try {
    return await runLoad({
      origin: `http://127.0.0.1:${port}`,
      connections: 256,
      durationMs: quick ? 3_000 : 8_000,
      seed: 1,
      work: { kind: "reports", services: [{ slug: "x", symptoms: ["login"] }] },
    });
  } finally {
    child.kill("SIGTERM");
  }
}

/** Rows per second for 1,000-row multi-row INSERTs (unnest) from two connections, durable commits. */
async function insertCeiling(url: string): Promise<number> {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  await sql`create table bench_raw (like reports including defaults including identity)`;
  const n = 1000;
  const batch = {
    created: Array.from({ length: n }, () => new Date().toISOString()),
    service: Array.from({ length: n }, (_, i) => 1 + (i % 60)),
    symptom: Array.from({ length: n }, () => "login"),
    country: Array.from({ length: n }, () => "US"),
  };
  const end = Date.now() + (quick ? 3_000 : 8_000);
  const started = Date.now();
  let rows = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (Date.now() < end) {
        await sql`insert into bench_raw (created_at, service_id, symptom, country, counted)
          select c, s, y, k, true from unnest(${batch.created}::timestamptz[], ${batch.service}::int[],
            ${batch.symptom}::text[], ${batch.country}::text[])
            as t(c, s, y, k)`;
        rows += n;
      }
    }),
  );
  const perS = rows / ((Date.now() - started) / 1000);
  await sql`drop table bench_raw`;
  await sql.end();
  return perS;
}

async function main() {
  await withBenchDatabase("ingest", async ({ url: dbUrl }) => {
    log("ceiling 1/2: bare node:http answering 204…");
    const bare = await bareCeiling();
    const bare204 = throughput(bare, 204);
    log(`  ${Math.round(bare204).toLocaleString("en")} responses/s, p99 ${round(bare.latency.p99)} ms`);

    log("ceiling 2/2: raw multi-row INSERT loop…");
    const insertPerS = await insertCeiling(dbUrl);
    log(`  ${Math.round(insertPerS).toLocaleString("en")} rows/s`);

    log("starting the production server on the Postgres server (builds first if needed)…");
    const app = await startAppServer({
      port: 3300,
      env: {
        DATABASE_URL: dbUrl,
        WEB_CONCURRENCY: String(WORKERS),
        DEMO: "off",
        TRUSTED_PROXIES: "loopback",
        REPORTER_SECRET: "bench-secret-bench-secret-bench-secret",
      },
      log: (line) =>
        line.includes("report not stored") || line.includes("rror") ? console.log(`  server: ${line}`) : undefined,
    });
    const services = CATALOG.map((s) => ({ slug: s.slug, symptoms: s.symptoms.map((x) => x.slug) }));
    const phases: Array<{
      connections: number;
      result: LoadResult;
      cpu: { server: number; postgres: number; load: number };
    }> = [];
    const serverPid = app.process.pid!;
    const cpu = () => {
      const server = cpuSecondsOf((_c, pid, parent) => pid === serverPid || parent === serverPid);
      const postgres = cpuSecondsOf((c) => c === "postgres");
      return { server, postgres };
    };
    let warmup: LoadResult | undefined;
    try {
      warmup = await runLoad({
        origin: app.origin,
        connections: 32,
        durationMs: 2_000,
        seed: 7,
        work: { kind: "reports", services },
      });
      for (const [i, connections] of LEVELS.entries()) {
        log(`load ${i + 1}/${LEVELS.length}: ${connections} connections for ${PHASE_MS / 1000} s…`);
        const before = cpu();
        const result = await runLoad({
          origin: app.origin,
          connections,
          durationMs: PHASE_MS,
          seed: 100 + i,
          work: { kind: "reports", services },
        });
        const after = cpu();
        const seconds = result.elapsedMs / 1000;
        const share = (k: "server" | "postgres") => round((after[k] - before[k]) / seconds, 2);
        phases.push({
          connections,
          result,
          cpu: { server: share("server"), postgres: share("postgres"), load: round(result.cpuSeconds / seconds, 2) },
        });
        const errors = result.sent - (result.statuses[201] ?? 0);
        log(
          `  ${Math.round(throughput(result, 201)).toLocaleString("en")} reports/s, p50 ${round(result.latency.p50)} ms, p99 ${round(result.latency.p99)} ms, errors ${errors}; cores busy: server ${phases.at(-1)!.cpu.server}, postgres ${phases.at(-1)!.cpu.postgres}, load generator ${phases.at(-1)!.cpu.load}`,
        );
      }
    } finally {
      const code = await app.stop();
      log(`server stopped (exit ${code})`);
    }
    // The machine's speed drifts within minutes; the same ceiling after the phases shows by how much.
    log("ceiling again: bare node:http answering 204…");
    const bare204After = throughput(await bareCeiling(), 204);
    log(`  ${Math.round(bare204After).toLocaleString("en")} responses/s`);

    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const [{ stored }] = (await sql`select count(*)::int as stored from reports`) as unknown as [{ stored: number }];
    const [{ rolled }] =
      (await sql`select coalesce(sum(reports), 0)::int as rolled from service_minute_rollups`) as unknown as [
        { rolled: number },
      ];
    await sql.end();

    // Every 201 the server gave, the warm-up's included, must be a row; nothing else may be.
    const all = [...(warmup ? [warmup] : []), ...phases.map((p) => p.result)];
    const acked = all.reduce((a, r) => a + (r.statuses[201] ?? 0), 0);
    const errors = all.reduce((a, r) => a + r.sent - (r.statuses[201] ?? 0), 0);
    const clean = phases.filter((p) => p.result.sent === (p.result.statuses[201] ?? 0));
    const fastest = (list: typeof phases) =>
      [...list].sort((a, b) => throughput(b.result, 201) - throughput(a.result, 201))[0];
    // Sustained means answering within the latency target: more connections than that only add
    // queueing, so the peak rate (at any p99) is shown beside it, not used for the target.
    const best = fastest(clean.filter((p) => p.result.latency.p99 <= TARGET.p99Ms));
    const peak = fastest(clean.length ? clean : phases)!;
    const bestRate = best ? throughput(best.result, 201) : 0;
    const result = {
      reports_per_s: Math.round(bestRate),
      p50_ms: best ? round(best.result.latency.p50) : null,
      p99_ms: best ? round(best.result.latency.p99) : null,
      connections_at_best: best?.connections ?? null,
      peak_reports_per_s: Math.round(throughput(peak.result, 201)),
      peak_p50_ms: round(peak.result.latency.p50),
      peak_p99_ms: round(peak.result.latency.p99),
      connections_at_peak: peak.connections,
      errors,
      acked,
      stored,
      rollup_reports: rolled,
      ceiling_node_204_per_s: Math.round(bare204),
      ceiling_node_204_per_s_after: Math.round(bare204After),
      ceiling_insert_rows_per_s: Math.round(insertPerS),
      // The machine's speed drifts by hours (bare node:http here has answered 16,000 to 86,000/s):
      // the rate as a share of the ceiling measured around it compares runs across those hours.
      share_of_node_204_ceiling: round(bestRate / ((bare204 + bare204After) / 2), 3),
      phases: phases.map((p) => ({
        connections: p.connections,
        seconds: round(p.result.elapsedMs / 1000),
        reports_per_s: Math.round(throughput(p.result, 201)),
        p50_ms: round(p.result.latency.p50),
        p90_ms: round(p.result.latency.p90),
        p99_ms: round(p.result.latency.p99),
        max_ms: round(p.result.latency.max),
        statuses: p.result.statuses,
        network_errors: p.result.networkErrors,
        cores_busy: p.cpu,
        // The machine's budget per report: the 2 cores hold 2,000,000 µs a second.
        cpu_us_per_report: perReport(p.cpu, throughput(p.result, 201)),
      })),
      target: { reports_per_s: TARGET.reportsPerS, p99_ms: TARGET.p99Ms },
      machine: "2 cores; server, Postgres and load generator on the same machine",
      quick,
    };
    const ok = result.reports_per_s >= TARGET.reportsPerS && result.stored === result.acked;
    const md = [
      "# Ingest benchmark",
      "",
      `\`npm run bench:ingest\`${quick ? " (--quick)" : ""}: realistic reports (62 services, half of them for one failing service; 10 countries, regions, symptoms; mostly distinct reporters, 5% repeats) POSTed to the production server (server/main.ts with ${WORKERS} workers: lean handler + group commit) on the Postgres server, ${PHASE_MS / 1000} s per concurrency level. Server, Postgres and the load generator share this machine's 2 cores.`,
      "",
      "| figure | value |",
      "| --- | --- |",
      `| reports_per_s (best sustained: no errors, p99 ≤ ${TARGET.p99Ms} ms) | **${result.reports_per_s.toLocaleString("en")}**${best ? ` at ${best.connections} connections` : " (no phase within the target)"} |`,
      `| p50_ms / p99_ms at that rate | ${result.p50_ms ?? "–"} / ${result.p99_ms ?? "–"} |`,
      `| peak rate (no errors, any p99) | ${result.peak_reports_per_s.toLocaleString("en")} at ${peak.connections} connections, p50 ${result.peak_p50_ms} / p99 ${result.peak_p99_ms} ms |`,
      `| errors (all phases) | ${errors} |`,
      `| acked (201, warm-up included) / stored (rows counted after the run) | ${acked.toLocaleString("en")} / ${result.stored.toLocaleString("en")} |`,
      `| reports in the rollups | ${result.rollup_reports.toLocaleString("en")} |`,
      `| ceiling: bare node:http 204, before / after the phases | ${result.ceiling_node_204_per_s.toLocaleString("en")} / ${result.ceiling_node_204_per_s_after.toLocaleString("en")} /s |`,
      `| reports_per_s as a share of the bare node:http ceiling (mean of before and after) | ${Math.round(result.share_of_node_204_ceiling * 1000) / 10} % |`,
      `| ceiling: raw 1,000-row INSERT loop | ${result.ceiling_insert_rows_per_s.toLocaleString("en")} rows/s |`,
      `| target | ≥ ${TARGET.reportsPerS.toLocaleString("en")} reports/s, p99 ≤ ${TARGET.p99Ms} ms, stored = acked: **${ok ? "met" : "not met"}** |`,
      "",
      "| connections | reports/s | p50 ms | p90 ms | p99 ms | max ms | statuses | network errors | cores busy: server / postgres / load generator | CPU µs per report: server / postgres / load generator |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...result.phases.map(
        (p) =>
          `| ${p.connections} | ${p.reports_per_s.toLocaleString("en")} | ${p.p50_ms} | ${p.p90_ms} | ${p.p99_ms} | ${p.max_ms} | ${Object.entries(
            p.statuses,
          )
            .map(([k, v]) => `${k}: ${v}`)
            .join(
              ", ",
            )} | ${p.network_errors} | ${p.cores_busy.server} / ${p.cores_busy.postgres} / ${p.cores_busy.load} | ${p.cpu_us_per_report.server} / ${p.cpu_us_per_report.postgres} / ${p.cpu_us_per_report.load} |`,
      ),
      "",
    ].join("\n");
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/ingest.md", md);
    writeFileSync("bench/results/ingest.json", JSON.stringify(result, null, 2) + "\n");
    console.log("\n" + md);
    if (result.stored !== result.acked) process.exitCode = 1;
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
