import type { DbHandle } from "@/db/client";
import { sendContext } from "@/lib/alerts/context";
import { fanOut, sendDueAlerts } from "@/lib/alerts/dispatch";
import { publicUrl } from "@/lib/http/public-url";
import { logError } from "@/lib/text/error-text";
import { every, type Job } from "./job";

/** Often, because this is how long after an incident changes its subscribers hear of it. */
const EVERY_MS = 2_000;

/**
 * Fans queued incident changes out to subscriptions and sends what is due. Any instance may: rows
 * are claimed with SKIP LOCKED, so no change is fanned out twice and no subscriber gets two at once.
 */
export function startAlertDispatch(handle: DbHandle): Job {
  return every(EVERY_MS, async () => {
    try {
      const now = new Date();
      await fanOut(handle.db, now);
      await sendDueAlerts(handle.db, sendContext(handle.db, publicUrl(), now));
    } catch (e) {
      logError("alert dispatch failed", e);
    }
  });
}
