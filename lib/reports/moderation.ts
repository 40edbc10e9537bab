import "server-only";
import { eq, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { reports } from "@/db/schema";
import type { Actor } from "@/lib/admin/actor";
import { audit } from "@/lib/admin/audit";
import { conflict, notFound, type Outcome } from "@/lib/errors";

/** Hides (or shows again) a report's text; the report itself still counts. */
export async function setReportTextHidden(
  db: Db,
  actor: Actor,
  reportId: number,
  hidden: boolean,
  now = new Date(),
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const changed = await rows<{ id: number }>(
      tx,
      sql`update reports set text_hidden_at = ${hidden ? now.toISOString() : null}::timestamptz
          where id = ${reportId} and text is not null returning id`,
    );
    if (!changed.length) {
      const [exists] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId));
      return exists ? conflict(`report ${reportId} has no text`) : notFound(`report ${reportId}`);
    }
    await audit(tx, actor, hidden ? "report.hide_text" : "report.show_text", `report:${reportId}`, {}, now);
    return { ok: true, value: undefined };
  });
}
