import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { services, webhookDeliveries, webhooks } from "@/db/schema";
import type { Actor } from "@/lib/admin/actor";
import { audit } from "@/lib/admin/audit";
import { conflict, done, invalidInput, notFound, type Outcome } from "@/lib/errors";
import type { deliverySchema, WebhookInput, webhookSchema } from "./schemas";
import { webhookPolicy } from "./policy";
import { targetProblem, type TargetPolicy } from "./send";
import { webhookSecrets } from "./secrets";
import type { SecretBox } from "@/lib/secrets/secret-box";

export type WebhookView = z.infer<typeof webhookSchema>;
export type DeliveryView = z.infer<typeof deliverySchema>;

const view = (w: {
  id: number;
  url: string;
  events: string[];
  slug: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
}): WebhookView => ({
  id: w.id,
  url: w.url,
  events: w.events as WebhookView["events"],
  service: w.slug,
  createdAt: w.createdAt.toISOString(),
  disabledAt: w.disabledAt?.toISOString() ?? null,
  disabledReason: w.disabledReason,
});

const columns = {
  id: webhooks.id,
  url: webhooks.url,
  events: webhooks.events,
  slug: services.slug,
  createdAt: webhooks.createdAt,
  disabledAt: webhooks.disabledAt,
  disabledReason: webhooks.disabledReason,
};

/** Registers a webhook; its signing secret is returned this once and never shown again. */
export async function createWebhook(
  db: Db,
  actor: Actor,
  input: WebhookInput,
  policy: TargetPolicy = webhookPolicy(),
  secrets: SecretBox = webhookSecrets(),
): Promise<Outcome<WebhookView & { secret: string }>> {
  const problem = targetProblem(input.url, policy);
  if (problem) return invalidInput([{ field: "url", message: problem }]);
  let serviceId: number | null = null;
  if (input.service) {
    const [service] = await db.select({ id: services.id }).from(services).where(eq(services.slug, input.service));
    if (!service) return invalidInput([{ field: "service", message: `unknown service "${input.service}"` }]);
    serviceId = service.id;
  }
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhooks)
      .values({ url: input.url, secret: secrets.seal(secret), events: input.events, serviceId })
      .returning();
    await audit(tx, actor, "webhook.create", `webhook:${created!.id}`, {
      url: input.url,
      events: input.events,
      service: input.service ?? null,
    });
    return done({ ...view({ ...created!, slug: input.service ?? null }), secret });
  });
}

export async function listWebhooks(db: Db): Promise<WebhookView[]> {
  const list = await db
    .select(columns)
    .from(webhooks)
    .leftJoin(services, eq(services.id, webhooks.serviceId))
    .where(isNull(webhooks.deletedAt))
    .orderBy(webhooks.id);
  return list.map(view);
}

/** Stops deliveries to a webhook; its delivery log is kept. */
export async function deleteWebhook(db: Db, actor: Actor, id: number): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .update(webhooks)
      .set({ deletedAt: new Date() })
      .where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)))
      .returning({ id: webhooks.id });
    if (!deleted.length) return notFound(`webhook ${id}`);
    await audit(tx, actor, "webhook.delete", `webhook:${id}`, {});
    return done(undefined);
  });
}

/**
 * Switches a webhook that was turned off for failing back on (its owner fixed the receiver): it
 * starts afresh, with a full day before it can be switched off again.
 */
export async function enableWebhook(db: Db, actor: Actor, id: number, now = new Date()): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [hook] = await tx
      .select({ disabledAt: webhooks.disabledAt })
      .from(webhooks)
      .where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)))
      .for("update");
    if (!hook) return notFound(`webhook ${id}`);
    if (hook.disabledAt === null) return conflict(`webhook ${id} is not switched off`);
    await tx
      .update(webhooks)
      .set({ disabledAt: null, disabledReason: null, failingSince: null })
      .where(eq(webhooks.id, id));
    await audit(tx, actor, "webhook.enable", `webhook:${id}`, {}, now);
    return done(undefined);
  });
}

async function exists(db: Db, id: number): Promise<boolean> {
  const [w] = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)));
  return w !== undefined;
}

/** Queues a `ping` to check a receiver and its signature check. */
export async function sendTestDelivery(db: Db, id: number, now = new Date()): Promise<Outcome<{ deliveryId: number }>> {
  if (!(await exists(db, id))) return notFound(`webhook ${id}`);
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      webhookId: id,
      event: "ping",
      payload: { event: "ping", occurredAt: now.toISOString() },
      nextAttemptAt: now,
    })
    .returning({ id: webhookDeliveries.id });
  return done({ deliveryId: Number(delivery!.id) });
}

/** A webhook's delivery log, newest first. */
export async function deliveryLog(db: Db, id: number, limit = 100): Promise<Outcome<DeliveryView[]>> {
  if (!(await exists(db, id))) return notFound(`webhook ${id}`);
  const list = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return done(
    list.map((d) => ({
      id: Number(d.id),
      event: d.event,
      incidentId: d.incidentId,
      state: d.state as DeliveryView["state"],
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.state === "pending" ? d.nextAttemptAt.toISOString() : null,
    })),
  );
}
