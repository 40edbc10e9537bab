import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { STATUS_LEVELS } from "@/lib/catalog/constants";

/** The Postgres channel a tick announces its changes on; every instance listens to it. */
export const LIVE_CHANNEL = "service_changes";

/** What a tick changed about one service: its level now, and the minute the tick reached. */
export const serviceChangeSchema = z.object({
  slug: z.string(),
  level: z.enum(STATUS_LEVELS),
  since: z.string().nullable(),
  /** The last minute the tick evaluated (epoch ms): the event's id, later ticks have larger ones. */
  t: z.number().int(),
});
export type ServiceChange = z.infer<typeof serviceChangeSchema>;

/** What a tick changed, as the pages that follow every service hear it: once per tick. */
export const tickEventSchema = z.object({
  /** The tick's minute (see ServiceChange.t). */
  t: z.number().int(),
  /** How many services have something new. */
  changed: z.number().int(),
  /** Those whose level moved, with the level now. */
  levels: z.array(serviceChangeSchema.pick({ slug: true, level: true, since: true })),
});
export type TickEvent = z.infer<typeof tickEventSchema>;

/**
 * One NOTIFY per changed service, sent with the tick's transaction: Postgres delivers them only
 * when it commits, so no page hears of a change that was rolled back.
 */
export async function announceChanges(tx: Tx, changes: ServiceChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(
    sql`select pg_notify(${LIVE_CHANNEL}, value) from json_array_elements_text(${JSON.stringify(changes.map((c) => JSON.stringify(c)))}::json)`,
  );
}

/** A notification's payload, or null when it is not one of ours (a hand-typed NOTIFY, an older format). */
export function parseChange(payload: string): ServiceChange | null {
  try {
    const parsed = serviceChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
