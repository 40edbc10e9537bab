// A load generator in its own process (so it does not share an event loop with what it measures).
// Receives a LoadConfig over IPC, drives it, sends back a LoadResult, exits. Report POSTs go
// through the lean raw client; page GETs (chunked, large) through undici.
import { Pool } from "undici";
import { reportRequests } from "./bodies";
import { runConnection, serialize } from "./raw-client";
import type { LoadConfig, LoadResult } from "./protocol";

/** Above any report rate measured on this machine (21,384/s at best): sizes the request pool. */
const MAX_REPORTS_PER_S = 30_000;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

class Recorder {
  latencies = new Float64Array(1 << 16);
  count = 0;
  statuses: Record<string, number> = {};
  networkErrors = 0;
  record(status: number, latencyMs: number) {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    if (this.count === this.latencies.length) {
      const bigger = new Float64Array(this.latencies.length * 2);
      bigger.set(this.latencies);
      this.latencies = bigger;
    }
    this.latencies[this.count++] = latencyMs;
  }
}

async function run(cfg: LoadConfig): Promise<LoadResult> {
  const recorder = new Recorder();
  let start = performance.now();
  let end = start + cfg.durationMs;
  let sent = 0;
  let cpuAtStart = process.cpuUsage();
  const startClock = () => {
    cpuAtStart = process.cpuUsage();
    start = performance.now();
    end = start + cfg.durationMs;
  };
  /** Whether another request may start now; with a rate, each request waits for its own slot. */
  const admit = async (): Promise<boolean> => {
    if (cfg.ratePerSecond) {
      const due = start + (sent++ * 1000) / cfg.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (performance.now() >= end) {
        sent--;
        return false;
      }
      return true;
    }
    if (performance.now() >= end) return false;
    sent++;
    return true;
  };

  if (cfg.work.kind === "reports") {
    // Requests are generated before the clock starts, so the generator's own work does not take
    // CPU from the server it measures. The pool holds a whole phase at any rate this machine
    // reaches, so the people in it stay distinct (a report from the pool sent again is a repeat,
    // which costs the server less than a new reporter).
    const make = reportRequests(cfg.work.services, cfg.seed);
    const url = new URL(cfg.origin);
    const host = `${url.hostname}:${url.port}`;
    const poolSize = cfg.poolSize ?? Math.ceil((cfg.durationMs / 1000) * (cfg.ratePerSecond ?? MAX_REPORTS_PER_S));
    const pool = Array.from({ length: poolSize }, () =>
      serialize(host, { method: "POST", path: "/api/v1/reports", ...make() }),
    );
    let cursor = 0;
    const nextRequest = () => pool[cursor++ % pool.length]!;
    startClock();
    await Promise.all(
      Array.from({ length: cfg.connections }, () =>
        runConnection({
          host: url.hostname,
          port: Number(url.port),
          next: () =>
            cfg.ratePerSecond
              ? admit().then((ok) => (ok ? nextRequest() : null))
              : performance.now() < end && ++sent
                ? nextRequest()
                : null,
          onResponse: (r) => recorder.record(r.status, r.latencyMs),
          onError: () => recorder.networkErrors++,
        }),
      ),
    );
  } else {
    startClock();
    const pool = new Pool(cfg.origin, { connections: cfg.connections, pipelining: 1, keepAliveTimeout: 30_000 });
    const { paths, headers } = cfg.work;
    let i = 0;
    await Promise.all(
      Array.from({ length: cfg.connections }, async () => {
        while (await admit()) {
          const t0 = performance.now();
          try {
            const response = await pool.request({
              method: "GET",
              path: paths[i++ % paths.length]!,
              // As a browser asks: the server's compression is part of what a reader waits for.
              headers: { accept: "text/html,*/*", "accept-encoding": "gzip, deflate, br", ...headers },
              headersTimeout: 30_000,
            });
            await response.body.dump({ limit: 10 * 1024 * 1024 });
            recorder.record(response.statusCode, performance.now() - t0);
          } catch {
            recorder.networkErrors++;
          }
        }
      }),
    );
    await pool.close();
  }

  const elapsedMs = performance.now() - start;
  const usage = process.cpuUsage(cpuAtStart);
  const sorted = recorder.latencies.slice(0, recorder.count).sort();
  return {
    sent,
    statuses: recorder.statuses,
    networkErrors: recorder.networkErrors,
    elapsedMs,
    cpuSeconds: (usage.user + usage.system) / 1e6,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: recorder.count ? sorted[recorder.count - 1]! : 0,
    },
  };
}

process.once("message", (cfg: LoadConfig) => {
  run(cfg).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
