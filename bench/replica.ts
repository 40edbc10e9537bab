// npm run bench:replica — how far the streaming replica falls behind while reports flood in.
// Starts the deployed topology (deploy/stack: a throwaway primary, a replica made by pg_basebackup,
// two app instances, nginx), floods both instances with 5,000 reports/s in all, and meanwhile
// (1) reads each instance's own measure of the replica's lag (/api/health) every 250 ms and
// (2) sends one marked report every 250 ms and times how long it takes to appear on the replica.
// Prints and writes bench/results/replica.md and bench/results/replica.json.
// `-- --quick` floods for 10 s instead of 30 s.
import { mkdirSync, writeFileSync } from "node:fs";
import { quantileSorted } from "d3-array";
import postgres from "postgres";
import { CATALOG } from "@/db/catalog";
import { startStack } from "@/deploy/stack/stack";
import type { Health } from "@/server/front/health";
import { runLoad, throughput } from "./load/run";

const quick = process.argv.includes("--quick");
const FLOOD_MS = quick ? 10_000 : 30_000;
const FLOOD_PER_S = 5_000;
const SAMPLE_MS = 250;
const MAX_LAG_MS = 5_000;
const log = (m: string) => console.log(`[bench:replica] ${m}`);
const round = (n: number) => Math.round(n * 10) / 10;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round(quantileSorted(sorted, 0.5) ?? NaN),
    p99: round(quantileSorted(sorted, 0.99) ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
  };
};

async function main() {
  log("starting the stack (primary, replica, two instances, nginx)…");
  const stack = await startStack({
    ports: { nginx: 8096, apps: [3121, 3122], primary: 5462, replica: 5463 },
    env: { DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS) },
  });
  const replica = postgres(stack.replica.url, { max: 1, onnotice: () => {} });
  try {
    const services = CATALOG.map((s) => ({ slug: s.slug, symptoms: s.symptoms.map((x) => x.slug) }));
    log(`flooding both instances with ${FLOOD_PER_S.toLocaleString("en")} reports/s for ${FLOOD_MS / 1000} s…`);
    const floods = stack.instances.map((instance, i) =>
      runLoad({
        origin: instance.origin,
        connections: 128,
        durationMs: FLOOD_MS,
        ratePerSecond: FLOOD_PER_S / stack.instances.length,
        seed: 90 + i,
        work: { kind: "reports", services },
      }),
    );
    await new Promise((r) => setTimeout(r, 2_000)); // let the flood reach its rate
    const until = Date.now() + FLOOD_MS - 3_000;
    const probedLag: number[] = [];
    let notServing = 0;
    let answers = 0;
    const visible: number[] = [];
    let marker = 0;
    const sampleProbes = async () => {
      while (Date.now() < until) {
        for (const instance of stack.instances) {
          const health = (await (await fetch(`${instance.origin}/api/health`)).json()) as Health;
          const r = health.reads?.replicas[0];
          answers++;
          if (r?.lagMs !== null && r?.lagMs !== undefined) probedLag.push(r.lagMs);
          if (!r?.serving) notServing++;
        }
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    };
    const sampleMarkers = async () => {
      while (Date.now() < until) {
        marker++;
        const response = await fetch(`${stack.instances[0]!.origin}/api/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${marker % 250}` },
          body: JSON.stringify({ service: "discord", symptom: "login", country: "US" }),
        });
        const acknowledgedAt = performance.now();
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: number };
          for (;;) {
            const found = await replica`select 1 from reports where id = ${id}`;
            if (found.length) break;
            if (performance.now() - acknowledgedAt > 60_000) throw new Error(`report ${id} never reached the replica`);
            await new Promise((r) => setTimeout(r, 5));
          }
          visible.push(performance.now() - acknowledgedAt);
        }
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    };
    await Promise.all([sampleProbes(), sampleMarkers()]);
    const results = await Promise.all(floods);
    const stored = results.reduce((sum, r) => sum + throughput(r, 201), 0);
    const result = {
      flood_reports_per_s: Math.round(stored),
      flood_seconds: FLOOD_MS / 1000,
      replica_lag_ms: summary(probedLag),
      report_to_replica_ms: summary(visible),
      probes_not_serving: notServing,
      health_answers: answers,
      max_lag_bound_ms: MAX_LAG_MS,
      quick,
      generated_at: new Date().toISOString(),
    };
    const md = [
      "# Replica lag under ingest load",
      "",
      `\`npm run bench:replica\`${quick ? " (--quick)" : ""}: the stack of \`deploy/stack\` (a throwaway Postgres primary, a streaming replica made by \`pg_basebackup -R\`, two app instances, nginx), everything on this 2-core machine; ${FLOOD_PER_S.toLocaleString("en")} reports/s sent to the two instances for ${FLOOD_MS / 1000} s (${result.flood_reports_per_s.toLocaleString("en")} reports/s stored).`,
      "",
      `- *Measured lag*: each instance's own bound on the replica's staleness (\`db/replicas.ts\`: the age of the newest primary WAL position the replica has replayed; the primary and the replica read four times a second), read from \`/api/health\` every ${SAMPLE_MS} ms.`,
      `- *Report to replica*: one report every ${SAMPLE_MS} ms, from its 201 to the moment a query on the replica finds it.`,
      "",
      "| figure | samples | p50 ms | p99 ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      `| measured lag | ${result.replica_lag_ms.samples} | ${result.replica_lag_ms.p50} | ${result.replica_lag_ms.p99} | ${result.replica_lag_ms.max} |`,
      `| report to replica | ${result.report_to_replica_ms.samples} | ${result.report_to_replica_ms.p50} | ${result.report_to_replica_ms.p99} | ${result.report_to_replica_ms.max} |`,
      "",
      `Health answers in which the replica was out of rotation (lag over ${MAX_LAG_MS} ms or not answering): ${notServing} of ${answers}.`,
      "",
    ].join("\n");
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/replica.json", JSON.stringify(result, null, 2) + "\n");
    writeFileSync("bench/results/replica.md", md);
    console.log("\n" + md);
  } finally {
    await replica.end();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
