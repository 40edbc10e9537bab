import type { DbHandle } from "@/db/client";
import { OFFICIAL_FEEDS } from "@/db/official-feeds";
import type { config } from "@/lib/config";
import { loadSimServices, seedDemoIfEmpty, startDemoTraffic } from "@/lib/simulate/demo";
import { renderFeed, vendorIncidents } from "@/lib/simulate/official";
import { scenarioOutages } from "@/lib/simulate/scenarios";
import { logError } from "@/lib/text/error-text";
import { startOfficialFixtures } from "../demo/official-fixtures";
import type { Job } from "./job";

export interface DemoJob extends Job {
  /** Where the demo's vendors serve their status pages, when it started them. */
  officialOrigin?: string;
}

/**
 * With DEMO on: fills an empty database with days of simulated history, then keeps adding simulated
 * reports every five seconds (and the outages of DEMO_SCENARIO). Unless OFFICIAL_STATUS_ORIGIN names
 * real ones, it also serves the demo's vendors' status pages, in their platforms' formats.
 */
export async function startDemo(
  handle: DbHandle,
  cfg: ReturnType<typeof config>,
  log: (msg: string) => void,
): Promise<DemoJob> {
  const now = new Date();
  const common = { seed: cfg.DEMO_SEED, cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES, scenarios: cfg.DEMO_SCENARIO };
  await seedDemoIfEmpty(handle.db, { ...common, startedAt: now, now, days: cfg.DEMO_HISTORY_DAYS, log });
  const stopTraffic = startDemoTraffic(handle.db, {
    ...common,
    startedAt: now,
    from: now,
    intervalMs: 5_000,
    onError: (e) => logError("demo traffic failed", e, { stack: true }),
  });
  log("demo traffic: on (set DEMO=off to stop simulated reports)");
  if (cfg.DEMO_SCENARIO?.length) log(`demo scenario: ${cfg.DEMO_SCENARIO.join(", ")}`);
  let fixtures: Awaited<ReturnType<typeof startOfficialFixtures>> | null = null;
  if (cfg.OFFICIAL_STATUS === "on" && !cfg.OFFICIAL_STATUS_ORIGIN) {
    const { sim } = await loadSimServices(handle.db);
    const scripted = scenarioOutages(cfg.DEMO_SCENARIO, now.getTime(), sim);
    fixtures = await startOfficialFixtures((slug, path, at) =>
      renderFeed(
        OFFICIAL_FEEDS[slug]!.platform,
        path,
        slug,
        vendorIncidents(cfg.DEMO_SEED, sim, at, cfg.DEMO_HISTORY_DAYS, now, scripted).filter((i) => i.slug === slug),
        at,
      ),
    );
    log(`demo official status pages: ${fixtures.origin}`);
  }
  return {
    officialOrigin: fixtures?.origin,
    async stop() {
      await stopTraffic();
      await fixtures?.close();
    },
  };
}
