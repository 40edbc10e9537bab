import "server-only";
import { desc, sql } from "drizzle-orm";
import { localMail } from "@/db/schema";
import { rows, type Db } from "@/db/client";
import type { AlertChannel, AlertLevel } from "./levels";
import { alertSecrets, openPending, readManageToken, type AlertSecrets } from "./links";

export interface SubscriptionView {
  id: number;
  channel: AlertChannel;
  /** Who or where, shown partly: enough for its owner to recognise, little for someone given the link. */
  target: string;
  level: AlertLevel;
  countries: string[];
  services: { slug: string; name: string }[];
  createdAt: string;
  deliveries: {
    id: number;
    change: string;
    service: string;
    incidentId: number;
    state: "pending" | "sent" | "failed" | "skipped";
    attempts: number;
    changedAt: string;
    sentAt: string | null;
    note: string | null;
  }[];
}

/** "jo…@example.com", "hooks.slack.com/…", "fcm.googleapis.com". */
export function maskTarget(channel: AlertChannel, target: string): string {
  if (channel === "email") {
    const [local = "", domain = ""] = target.split("@");
    return `${local.slice(0, 2)}…@${domain}`;
  }
  const url = new URL(channel === "push" ? (JSON.parse(target) as { endpoint: string }).endpoint : target);
  return channel === "push" ? url.hostname : `${url.hostname}/…`;
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A subscription and its newest deliveries, for whoever holds its manage link; null for a bad or dead link. */
export async function subscriptionView(
  db: Db,
  token: string,
  secrets: AlertSecrets = alertSecrets(),
  limit = 50,
): Promise<SubscriptionView | null> {
  const id = readManageToken(secrets, token);
  if (id === null) return null;
  const [sub] = await rows<{
    channel: AlertChannel;
    target: string;
    level: AlertLevel;
    countries: string[];
    services: { slug: string; name: string }[];
    created_at: string;
  }>(
    db,
    sql`select a.channel, a.target, a.level, a.countries, ${iso("a.created_at")} as created_at,
               coalesce((select jsonb_agg(jsonb_build_object('slug', s.slug, 'name', s.name) order by s.name)
                         from services s where a.service_ids @> jsonb_build_array(s.id)), '[]'::jsonb) as services
        from alert_subscriptions a where a.id = ${id}`,
  );
  if (!sub) return null;
  const deliveries = await rows<SubscriptionView["deliveries"][number]>(
    db,
    sql`select d.id::int, d.change, s.name as service, d.incident_id as "incidentId", d.state, d.attempts,
               ${iso("d.changed_at")} as "changedAt", ${iso("d.sent_at")} as "sentAt", d.note
        from alert_deliveries d join services s on s.id = d.service_id
        where d.subscription_id = ${id} order by d.id desc limit ${limit}`,
  );
  return {
    id,
    channel: sub.channel,
    target: maskTarget(sub.channel, secrets.targets.open(sub.target)),
    level: sub.level,
    countries: sub.countries,
    services: sub.services,
    createdAt: sub.created_at,
    deliveries,
  };
}

/** What a confirmation link would start, for its page; "expired" or null as openPending says. */
export async function pendingSummary(
  db: Db,
  token: string,
  now = new Date(),
  secrets: AlertSecrets = alertSecrets(),
): Promise<
  { email: string; services: string[]; level: AlertLevel; countries: string[]; expiresAt: string } | "expired" | null
> {
  const pending = openPending(secrets, token, now.getTime());
  if (pending === null || pending === "expired") return pending;
  const names = await rows<{ name: string }>(
    db,
    sql`select name from services where id in (${sql.join(
      pending.serviceIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by name`,
  );
  return {
    email: maskTarget("email", pending.email),
    services: names.map((n) => n.name),
    level: pending.level,
    countries: pending.countries,
    expiresAt: new Date(pending.expiresAt).toISOString(),
  };
}

/** The local outbox's newest e-mails (kept only without SMTP_URL). */
export function outboxMail(db: Db, limit = 20) {
  return db.select().from(localMail).orderBy(desc(localMail.id)).limit(limit);
}
