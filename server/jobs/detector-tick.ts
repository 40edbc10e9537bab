import type { DbHandle } from "@/db/client";
import { DetectorLeadership } from "@/lib/incidents/leader";
import { runTick } from "@/lib/incidents/tick";
import { logError } from "@/lib/text/error-text";
import { every, type Job } from "./job";

/**
 * The detector, every `everyMs`. Every instance asks each time; only the one holding the leader lock
 * runs the tick (and the tick's own transaction lock would stop a second one anyway).
 */
export function startDetectorTick(
  handle: DbHandle,
  everyMs: number,
  log: (msg: string) => void,
): Job & { leadership: DetectorLeadership } {
  const leadership = new DetectorLeadership(handle);
  const job = every(
    everyMs,
    () =>
      leadership
        .check()
        .then(async (role) => {
          if (role !== "leader") return;
          const s = await runTick(handle.db);
          if (s.opened || s.escalated || s.resolved)
            log(`detector: opened ${s.opened}, escalated ${s.escalated}, resolved ${s.resolved}`);
        })
        .catch((e) => logError("detector tick failed", e, { stack: true })),
    { immediately: true },
  );
  return {
    leadership,
    async stop() {
      await job.stop();
      await leadership.release();
    },
  };
}
