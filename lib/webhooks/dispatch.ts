import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { postDelivery, type SendResult, type TargetPolicy } from "./send";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature";
import { webhookPolicy } from "./policy";
import { webhookSecrets } from "./secrets";
import type { SecretBox } from "@/lib/secrets/secret-box";

/** Seconds to wait after the n-th failed attempt; after the last one the delivery is given up. */
export const RETRY_DELAYS_S = [30, 120, 600, 1_800, 3_600, 3 * 3_600, 6 * 3_600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;
/** A claimed delivery is retried after this long if the instance sending it died mid-way. */
const LEASE_S = 60;
const TIMEOUT_MS = 10_000;
/** Each retry waits its delay ± this share. */
export const RETRY_JITTER = 0.2;
/** Hours of failed deliveries, with no success between, after which a webhook is switched off. */
export const DISABLE_AFTER_H = 24;

export interface DispatchOptions {
  now?: Date;
  /** Where deliveries may go; from the environment unless given. */
  policy?: TargetPolicy;
  /** Opens the stored signing secrets; from the environment unless given. */
  secrets?: SecretBox;
  /** Base of the links in payloads, e.g. https://outage-radar.example. */
  publicUrl: string;
  limit?: number;
}

interface Claimed {
  id: number;
  event: string;
  payload: { incident?: { path?: string } & Record<string, unknown> } & Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
  webhookId: number;
  deleted: boolean;
  /** Why the webhook was switched off, or null while it is on. */
  disabled: string | null;
}

/**
 * Sends the deliveries that are due, each signed, and records every outcome. Safe on several
 * instances at once (rows are claimed with SKIP LOCKED and leased); a receiver sees a delivery at
 * least once and can de-duplicate by its id header.
 */
export async function dispatchDue(db: Db, opts: DispatchOptions) {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const claimed = await rows<Claimed>(
    db,
    sql`update webhook_deliveries d
        set attempts = d.attempts + 1, next_attempt_at = ${at}::timestamptz + ${`${LEASE_S} seconds`}::interval
        from webhooks w
        where w.id = d.webhook_id and d.id in (
          select id from webhook_deliveries
          where state = 'pending' and next_attempt_at <= ${at}::timestamptz
          order by next_attempt_at, id limit ${opts.limit ?? 50}
          for update skip locked)
        returning d.id, d.event, d.payload, d.attempts, d.webhook_id as "webhookId", w.url, w.secret,
                  w.deleted_at is not null as deleted, w.disabled_reason as disabled`,
  );
  const policy = opts.policy ?? webhookPolicy();
  const secrets = opts.secrets ?? webhookSecrets();
  const outcomes = await Promise.all(
    claimed.map((d) => attempt({ ...d, secret: secrets.open(d.secret) }, now, opts.publicUrl, policy)),
  );
  for (const [i, d] of claimed.entries()) {
    const { status, error } = outcomes[i]!;
    const delivered = error === null;
    const giveUp = !delivered && (d.deleted || d.disabled !== null || d.attempts >= MAX_ATTEMPTS);
    // Jittered, so the deliveries of one receiver that came back do not all return at the same second.
    const delay = (RETRY_DELAYS_S[d.attempts - 1] ?? 0) * 1000 * (1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.random());
    const retryAt = new Date(now.getTime() + delay).toISOString();
    await db.execute(
      sql`update webhook_deliveries
          set state = ${delivered ? "delivered" : giveUp ? "failed" : "pending"},
              last_status = ${status}, last_error = ${error},
              delivered_at = ${delivered ? at : null}::timestamptz,
              next_attempt_at = ${delivered || giveUp ? at : retryAt}::timestamptz
          where id = ${d.id}`,
    );
  }
  await trackFailures(db, claimed, outcomes, now);
  return {
    attempted: claimed.length,
    delivered: outcomes.filter((o) => o.error === null).length,
  };
}

/**
 * A webhook whose deliveries have failed for `DISABLE_AFTER_H` hours with no success in between is
 * switched off, its pending deliveries given up, and the reason kept for its owner; a success
 * clears the count.
 */
async function trackFailures(db: Db, claimed: Claimed[], outcomes: SendResult[], now: Date): Promise<void> {
  const at = now.toISOString();
  const byWebhook = new Map<number, { ok: boolean; error: string | null }>();
  for (const [i, d] of claimed.entries()) {
    if (d.deleted || d.disabled !== null) continue;
    const { error } = outcomes[i]!;
    const ok = error === null;
    const seen = byWebhook.get(d.webhookId);
    byWebhook.set(d.webhookId, { ok: ok || (seen?.ok ?? false), error: ok ? (seen?.error ?? null) : error });
  }
  for (const [id, { ok, error }] of byWebhook) {
    if (ok) {
      await db.execute(sql`update webhooks set failing_since = null where id = ${id} and failing_since is not null`);
      continue;
    }
    const reason = `switched off after its deliveries failed for ${DISABLE_AFTER_H} hours (the last: ${error})`;
    const [off] = await rows<{ id: number }>(
      db,
      sql`update webhooks set failing_since = coalesce(failing_since, ${at}::timestamptz),
            disabled_at = case when failing_since <= ${at}::timestamptz - ${`${DISABLE_AFTER_H} hours`}::interval
                               then ${at}::timestamptz end,
            disabled_reason = case when failing_since <= ${at}::timestamptz - ${`${DISABLE_AFTER_H} hours`}::interval
                                   then ${reason} end
          where id = ${id} and disabled_at is null
          returning case when disabled_at is not null then id end as id`,
    );
    if (off?.id)
      await db.execute(
        sql`update webhook_deliveries set state = 'failed', last_error = ${`the webhook was ${reason}`}
            where webhook_id = ${id} and state = 'pending'`,
      );
  }
}

async function attempt(d: Claimed, now: Date, publicUrl: string, policy: TargetPolicy): Promise<SendResult> {
  if (d.deleted) return { status: null, error: "the webhook was deleted" };
  if (d.disabled !== null) return { status: null, error: `the webhook was ${d.disabled}` };
  const payload = { ...d.payload, delivery: Number(d.id) };
  if (d.payload.incident?.path) {
    payload.incident = { ...d.payload.incident, url: new URL(d.payload.incident.path, publicUrl).toString() };
  }
  const body = JSON.stringify(payload);
  return postDelivery(
    d.url,
    body,
    {
      "content-type": "application/json",
      "user-agent": "OutageRadar-Webhook/1",
      [SIGNATURE_HEADER]: signatureHeader(d.secret, body, now),
      [DELIVERY_HEADER]: String(d.id),
      [EVENT_HEADER]: d.event,
    },
    policy,
    TIMEOUT_MS,
  );
}
