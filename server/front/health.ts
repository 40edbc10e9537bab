import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DetectorRole } from "@/lib/incidents/leader";
import type { ReadStats } from "@/db/replicas";

export interface Health {
  ok: boolean;
  /** Whether this instance runs the detector; exactly one instance leads. */
  detector: DetectorRole;
  /** Reports accepted and waiting for their batch. */
  queued: number;
  /** With DATABASE_REPLICA_URL: each replica's lag and whether reads go to it, and where reads went. */
  reads?: ReadStats;
}

const TIMEOUT_MS = 2_000;

/** For load balancers and people: is the database answering, and what is this instance doing. */
export async function checkHealth(
  db: Db,
  detector: DetectorRole,
  queued: number,
  reads: ReadStats | undefined,
): Promise<Health> {
  const ping = db.execute(sql`select 1`).then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS).unref());
  const ok = await Promise.race([ping, timeout]).catch(() => false);
  return { ok, detector, queued, ...(reads && { reads }) };
}
