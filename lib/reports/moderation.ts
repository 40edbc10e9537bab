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

export interface QueuedComment {
  id: number;
  at: string;
  service: { slug: string; name: string };
  symptom: string;
  country: string;
  text: string;
  hidden: boolean;
}

/** How far back the moderation queue looks: comments older than this have been seen by the crowd already. */
const QUEUE_HOURS = 48;

/** The newest comments, shown and hidden alike, for moderators to go through. */
export async function commentQueue(db: Db, limit = 50, now = new Date()): Promise<QueuedComment[]> {
  const since = new Date(now.getTime() - QUEUE_HOURS * 3_600_000).toISOString();
  const list = await rows<{
    id: string | number;
    created_at: Date | string;
    slug: string;
    name: string;
    symptom: string;
    country: string;
    text: string;
    hidden: boolean;
  }>(
    db,
    sql`select r.id, r.created_at, s.slug, s.name, r.symptom, r.country, r.text, r.text_hidden_at is not null as hidden
        from reports r join services s on s.id = r.service_id
        where r.text is not null and r.created_at > ${since}::timestamptz and r.created_at <= ${now.toISOString()}::timestamptz
        order by r.created_at desc, r.id desc limit ${limit}`,
  );
  return list.map((r) => ({
    id: Number(r.id),
    at: new Date(r.created_at).toISOString(),
    service: { slug: r.slug, name: r.name },
    symptom: r.symptom,
    country: r.country,
    text: r.text,
    hidden: r.hidden,
  }));
}
