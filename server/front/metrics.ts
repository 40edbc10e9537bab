import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { Outcome } from "./page-cache";
import type { ReadStats } from "@/db/replicas";
import type { DetectorRole } from "@/lib/incidents/leader";

export const METRICS_PATH = "/api/metrics";

/** What an instance knows about itself, read when Prometheus scrapes. */
export interface MetricSources {
  reads: () => ReadStats | undefined;
  detector: () => DetectorRole;
  queued: () => number;
}

export interface Metrics {
  /** The figures in Prometheus's text format: of every worker of the instance, whichever answers. */
  text(): Promise<string>;
  contentType: string;
  /** One page-cache answer (server/front/page-cache.ts): a miss is a render. */
  pageServed(outcome: Outcome): void;
}

/**
 * The instance's figures for a scraper that asks each instance. With WEB_CONCURRENCY > 1 the worker
 * asked gets every worker's figures through the primary (prom-client's cluster aggregation), each
 * labelled with its process id. The proxy keeps the path from the public.
 */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_pid: String(process.pid) });
  collectDefaultMetrics({ register: registry, prefix: "outage_radar_" });
  new Counter({
    name: "outage_radar_reads_total",
    help: "Stale-tolerant reads (pages, public API, exports) by where they went; target=primary with replicas configured means none was fit to serve",
    labelNames: ["target"],
    registers: [registry],
    collect() {
      this.reset();
      const reads = sources.reads()?.reads;
      if (!reads) return;
      this.inc({ target: "replica" }, reads.replica);
      this.inc({ target: "primary" }, reads.primary);
    },
  });
  new Gauge({
    name: "outage_radar_replica_lag_seconds",
    help: "Commits a replica may be missing, in seconds (an upper bound, within a quarter second); absent while it does not answer",
    labelNames: ["replica"],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of sources.reads()?.replicas ?? [])
        if (r.lagMs !== null) this.set({ replica: r.name }, r.lagMs / 1000);
    },
  });
  new Gauge({
    name: "outage_radar_replica_serving",
    help: "1 while reads go to the replica; 0 while it lags beyond DATABASE_REPLICA_MAX_LAG_MS or does not answer",
    labelNames: ["replica"],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of sources.reads()?.replicas ?? []) this.set({ replica: r.name }, r.serving ? 1 : 0);
    },
  });
  new Gauge({
    name: "outage_radar_detector_leader",
    help: "1 on the one instance that runs the detector tick",
    registers: [registry],
    collect() {
      this.set(sources.detector() === "leader" ? 1 : 0);
    },
  });
  new Gauge({
    name: "outage_radar_reports_queued",
    help: "Reports accepted and waiting for their batch commit",
    registers: [registry],
    collect() {
      this.set(sources.queued());
    },
  });
  const pages = new Counter({
    name: "outage_radar_page_cache_total",
    help: "Pages and polled JSON answered by the page cache: hit and stale from a copy, miss rendered (by Next.js)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  if (cluster.isWorker) {
    AggregatorRegistry.setRegistries([registry]);
    // Constructing one is what makes a worker answer the primary's requests for its figures.
    new AggregatorRegistry();
  }
  return {
    text: () => (cluster.isWorker ? fromPrimary() : registry.metrics()),
    contentType: registry.contentType,
    pageServed: (outcome) => pages.inc({ outcome }),
  };
}

const REQUEST = "outage-radar:metrics";
const ANSWER = "outage-radar:metrics-answer";
const waiting = new Map<string, (text: string) => void>();

/** A worker's scrape: the primary gathers every worker's figures and sends them back. */
function fromPrimary(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error("the primary did not send the workers' figures in 5 s"));
    }, 5_000);
    waiting.set(id, (text) => {
      clearTimeout(timer);
      resolve(text);
    });
    process.send!({ type: REQUEST, id });
  });
}

if (cluster.isWorker)
  process.on("message", (message: { type?: string; id?: string; text?: string }) => {
    if (message?.type !== ANSWER || !message.id) return;
    waiting.get(message.id)?.(message.text ?? "");
    waiting.delete(message.id);
  });

/** In the primary of a cluster: answers workers' scrapes with every worker's figures. */
export function serveWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, text }),
      (error: unknown) =>
        worker.isConnected() && worker.send({ type: ANSWER, id: message.id, text: `# ${String(error)}\n` }),
    );
  });
}
