import { describe, expect, it } from "vitest";
import type { ReadStats } from "@/db/replicas";
import { createMetrics } from "./metrics";

describe("metrics", () => {
  it("say where reads went and how far each replica is behind, in Prometheus's format", async () => {
    let reads: ReadStats | undefined = {
      replicas: [
        { name: "10.0.0.2:5432/db", serving: true, lagMs: 250, reason: null },
        { name: "10.0.0.3:5432/db", serving: false, lagMs: null, reason: "not answering: refused" },
      ],
      reads: { replica: 41, primary: 3 },
    };
    const metrics = createMetrics({ reads: () => reads, detector: () => "leader", queued: () => 7 });
    metrics.pageServed("miss");
    metrics.pageServed("hit");
    metrics.pageServed("hit");
    const text = await metrics.text();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^outage_radar_reads_total\{target="replica",instance_pid="\d+"\} 41$/m);
    expect(text).toMatch(/^outage_radar_reads_total\{target="primary",instance_pid="\d+"\} 3$/m);
    expect(text).toMatch(
      /^outage_radar_replica_lag_seconds\{replica="10\.0\.0\.2:5432\/db",instance_pid="\d+"\} 0\.25$/m,
    );
    expect(text).not.toMatch(/^outage_radar_replica_lag_seconds\{replica="10\.0\.0\.3/m);
    expect(text).toMatch(/^outage_radar_replica_serving\{replica="10\.0\.0\.3:5432\/db",instance_pid="\d+"\} 0$/m);
    expect(text).toMatch(/^outage_radar_detector_leader\{instance_pid="\d+"\} 1$/m);
    expect(text).toMatch(/^outage_radar_reports_queued\{instance_pid="\d+"\} 7$/m);
    expect(text).toMatch(/^outage_radar_page_cache_total\{outcome="miss",instance_pid="\d+"\} 1$/m);
    expect(text).toMatch(/^outage_radar_page_cache_total\{outcome="hit",instance_pid="\d+"\} 2$/m);

    reads = undefined;
    const without = await metrics.text();
    expect(without).not.toMatch(/^outage_radar_reads_total\{/m);
    expect(without).not.toMatch(/^outage_radar_replica_serving\{/m);
  });
});
