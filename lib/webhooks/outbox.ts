import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import type { WebhookEvent } from "@/lib/catalog/constants";

// JSON timestamps in UTC whatever the session's time zone, the way JavaScript writes them.
const iso = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Queues one delivery per subscribed webhook, in the caller's transaction: the detector's tick calls
 * it after changing an incident, so an event is sent if and only if the change committed. The
 * payload is the incident as it stands after the change.
 */
export async function enqueueIncidentEvent(tx: Tx | Db, event: WebhookEvent, incidentId: number, at: Date) {
  await tx.execute(sql`
    insert into webhook_deliveries (webhook_id, event, incident_id, payload, next_attempt_at)
    select w.id, ${event}, i.id,
           jsonb_build_object(
             'event', ${event}::text,
             'occurredAt', ${at.toISOString()}::text,
             'incident', jsonb_build_object(
               'id', i.id,
               'path', '/incidents/' || i.id,
               'service', jsonb_build_object('slug', s.slug, 'name', s.name),
               'level', i.level,
               'startedAt', ${iso(sql`i.started_at`)},
               'detectedAt', ${iso(sql`i.detected_at`)},
               'endedAt', ${iso(sql`i.ended_at`)},
               'peakReportersPerMinute', i.peak_rate,
               'regions', i.regions,
               'symptoms', i.symptoms,
               'cause', i.cause)),
           ${at.toISOString()}::timestamptz
    from incidents i
    join services s on s.id = i.service_id
    join webhooks w on w.deleted_at is null and w.disabled_at is null
                   and w.events @> jsonb_build_array(${event}::text)
                   and (w.service_id is null or w.service_id = i.service_id)
    where i.id = ${incidentId}`);
}

/** Forgets finished deliveries older than `days` (pending ones stay until they finish). Returns how many. */
export async function pruneDeliveries(db: Db, days: number, now = new Date()): Promise<number> {
  if (days <= 0) return 0;
  const gone = await rows<{ id: number }>(
    db,
    sql`delete from webhook_deliveries
        where state <> 'pending' and created_at < ${now.toISOString()}::timestamptz - ${`${days} days`}::interval
        returning id`,
  );
  return gone.length;
}
