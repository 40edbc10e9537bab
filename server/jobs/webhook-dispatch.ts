import type { DbHandle } from "@/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { logError } from "@/lib/text/error-text";
import { dispatchDue } from "@/lib/webhooks/dispatch";
import { every, type Job } from "./job";

const EVERY_MS = 5_000;

/**
 * Sends due webhook deliveries every five seconds. Any instance may: rows are claimed with SKIP
 * LOCKED, so none is sent twice at once.
 */
export function startWebhookDispatch(handle: DbHandle): Job {
  return every(EVERY_MS, () =>
    dispatchDue(handle.db, { publicUrl: publicUrl() }).catch((e) => logError("webhook dispatch failed", e)),
  );
}
