import type { DbHandle } from "@/db/client";
import { pollDueSources, type PollOptions } from "@/lib/official/poll";
import { logError } from "@/lib/text/error-text";
import { every, type Job } from "./job";

/** How often an instance looks for pages due; each page is read every OFFICIAL_POLL_SECONDS. */
const EVERY_MS = 5_000;

/**
 * Reads the official status pages that are due. Any instance may: pages are claimed with SKIP
 * LOCKED. A slow or failing page delays only its own next reading, never a request of ours.
 */
export function startOfficialPoll(handle: DbHandle, opts: PollOptions, log: (msg: string) => void): Job {
  const failing = new Set<number>();
  return every(
    EVERY_MS,
    async () => {
      try {
        for (const r of await pollDueSources(handle.db, opts)) {
          // One line when a page starts failing and one when it recovers, not one per attempt.
          if (!r.ok && !failing.has(r.serviceId))
            log(`official status of service ${r.serviceId} unreadable: ${r.error}`);
          if (r.ok && failing.has(r.serviceId)) log(`official status of service ${r.serviceId} readable again`);
          if (r.ok) failing.delete(r.serviceId);
          else failing.add(r.serviceId);
        }
      } catch (e) {
        logError("official status poll failed", e);
      }
    },
    { immediately: true },
  );
}
