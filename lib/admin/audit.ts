import "server-only";
import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { adminAudit } from "@/db/schema";
import { instant } from "@/lib/catalog/schemas";
import type { Actor } from "./actor";

/**
 * Records a moderator's action in the audit log, inside the transaction that does it, so the log
 * holds exactly the actions that happened. Every admin action calls this, naming who did it.
 */
export async function audit(
  tx: Tx | Db,
  actor: Pick<Actor, "name" | "source">,
  action: string,
  target: string,
  details: Record<string, unknown>,
  at = new Date(),
) {
  await tx.insert(adminAudit).values({ action, target, details, at, actor: actor.name, source: actor.source });
}

export const auditEntrySchema = z
  .object({
    id: z.int(),
    at: instant,
    action: z.string(),
    target: z.string(),
    details: z.record(z.string(), z.unknown()),
    /** Who: a token's owner, or "unknown" for a failed sign-in; null on entries from before tokens had names. */
    actor: z.string().nullable(),
    /** From which network block (IPv4 /24, IPv6 /48). */
    source: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The audit log, newest first. */
export async function auditLog(db: Db, limit = 100, before?: number): Promise<AuditEntry[]> {
  const list = await db
    .select()
    .from(adminAudit)
    .where(before === undefined ? undefined : lt(adminAudit.id, before))
    .orderBy(desc(adminAudit.id))
    .limit(limit);
  return list.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    target: e.target,
    details: e.details,
    actor: e.actor,
    source: e.source,
  }));
}

/** Forgets audit entries older than `days`. Returns how many. */
export async function pruneAudit(db: Db, days: number, now = new Date()): Promise<number> {
  if (days <= 0) return 0;
  const gone = await db
    .delete(adminAudit)
    .where(lt(adminAudit.at, new Date(now.getTime() - days * 86_400_000)))
    .returning({ id: adminAudit.id });
  return gone.length;
}
