import type { DbHandle } from "@/db/client";
import type { config } from "@/lib/config";
import { seedDemoIfEmpty, startDemoTraffic } from "@/lib/simulate/demo";
import { logError } from "@/lib/text/error-text";
import type { Job } from "./job";

/**
 * With DEMO on: fills an empty database with days of simulated history, then keeps adding simulated
 * reports every five seconds (and the outages of DEMO_SCENARIO).
 */
export async function startDemo(
  handle: DbHandle,
  cfg: ReturnType<typeof config>,
  log: (msg: string) => void,
): Promise<Job> {
  const now = new Date();
  const common = { seed: cfg.DEMO_SEED, cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES, scenarios: cfg.DEMO_SCENARIO };
  await seedDemoIfEmpty(handle.db, { ...common, startedAt: now, now, days: cfg.DEMO_HISTORY_DAYS, log });
  const stop = startDemoTraffic(handle.db, {
    ...common,
    startedAt: now,
    from: now,
    intervalMs: 5_000,
    onError: (e) => logError("demo traffic failed", e, { stack: true }),
  });
  log("demo traffic: on (set DEMO=off to stop simulated reports)");
  if (cfg.DEMO_SCENARIO?.length) log(`demo scenario: ${cfg.DEMO_SCENARIO.join(", ")}`);
  return { stop };
}
