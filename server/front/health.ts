import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DetectorRole } from "@/lib/incidents/leader";

export interface Health {
  ok: boolean;
  /** Whether this instance runs the detector; exactly one instance leads. */
  detector: DetectorRole;
  /** Reports accepted and waiting for their batch. */
  queued: number;
}

const TIMEOUT_MS = 2_000;

/** For load balancers and people: is the database answering, and what is this instance doing. */
export async function checkHealth(db: Db, detector: DetectorRole, queued: number): Promise<Health> {
  const ping = db.execute(sql`select 1`).then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS).unref());
  const ok = await Promise.race([ping, timeout]).catch(() => false);
  return { ok, detector, queued };
}
