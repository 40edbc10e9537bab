import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { AlertChange } from "./message";

/**
 * Queues an incident change for subscribers, in the caller's transaction: the detector's tick calls
 * it beside the webhook outbox, so subscribers hear of a change if and only if it committed. One row
 * whatever the number of subscribers; the dispatcher fans it out.
 */
export async function enqueueAlert(tx: Tx | Db, change: AlertChange, incidentId: number, at: Date) {
  await tx.execute(sql`
    insert into alert_events (incident_id, change, level, at)
    select id, ${change}, level, ${at.toISOString()}::timestamptz from incidents where id = ${incidentId}`);
}
