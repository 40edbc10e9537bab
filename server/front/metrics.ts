import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { ReadStats } from "@/db/replicas";
import type { DetectorRole } from "@/lib/incidents/leader";

export const METRICS_PATH = "/api/metrics";

/** What an instance knows about itself, read when Prometheus scrapes. */
export interface MetricSources {
  reads: () => ReadStats | undefined;
  detector: () => DetectorRole;
  queued: () => number;
}

/**
 * This process's figures in Prometheus's text format, for a scraper that asks each instance (and,
 * with WEB_CONCURRENCY > 1, whichever worker answers). The proxy keeps the path from the public.
 */
export function createMetrics(sources: MetricSources): Registry {
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
    help: "Commits a replica may be missing, in seconds (exact to one probe interval); absent while it does not answer",
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
  return registry;
}
