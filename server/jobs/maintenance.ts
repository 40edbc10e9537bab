import type { DbHandle } from "@/db/client";
import { pruneCooldowns } from "@/lib/reports/ingest";
import { maintainReportPartitions } from "@/lib/reports/partitions";
import { pruneAudit } from "@/lib/admin/audit";
import { destroyExpiredSalts } from "@/lib/reports/salts";
import { pruneDeliveries } from "@/lib/webhooks/outbox";
import { pruneAlerts } from "@/lib/alerts/dispatch";
import { logError } from "@/lib/text/error-text";
import { every, type Job } from "./job";

const EVERY_MS = 10 * 60_000;

/**
 * Every ten minutes: forget expired reporter cooldowns and the salts no window needs, create next days' report partitions, drop
 * expired ones, and forget webhook and alert deliveries and audit entries past their age.
 */
export function startMaintenance(
  handle: DbHandle,
  opts: { cooldownMinutes: number; retentionDays: number; logRetentionDays: number },
): Job {
  return every(EVERY_MS, () =>
    pruneCooldowns(handle.db, opts.cooldownMinutes)
      .then(() => destroyExpiredSalts(handle.db, opts.cooldownMinutes))
      .then(() => maintainReportPartitions(handle.db, opts.retentionDays))
      .then(() => pruneDeliveries(handle.db, opts.logRetentionDays))
      .then(() => pruneAudit(handle.db, opts.logRetentionDays))
      .then(() => pruneAlerts(handle.db, opts.logRetentionDays))
      .catch((e) => logError("maintenance failed", e, { stack: true })),
  );
}
