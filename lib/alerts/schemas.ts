import { z } from "zod";
import { SERVICE_SLUG } from "@/lib/catalog/constants";
import { isCountry } from "@/lib/regions/regions";
import { LOCALES } from "@/lib/i18n/locales";
import { ALERT_LEVELS } from "./levels";

export const CHAT_PLATFORMS = ["slack", "discord", "teams", "webhook"] as const;
export type ChatChannel = (typeof CHAT_PLATFORMS)[number];

/** The most services one subscription may follow. */
export const MAX_SERVICES = 50;

const pushSchema = z
  .object({
    endpoint: z.url({ protocol: /^https?$/, error: "must be the push service's URL" }).max(2_000),
    keys: z.object({
      p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}=*$/, "must be the browser's P-256 key (base64url)"),
      auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}=*$/, "must be the browser's auth secret (base64url)"),
    }),
  })
  .meta({ description: "The browser's PushSubscription, as `subscription.toJSON()` gives it" });

export const subscriptionRequestSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("must be an e-mail address").max(254))
      .optional()
      .meta({ description: "Alerts by e-mail; a confirmation link is sent first and nothing else until it is used" }),
    push: pushSchema.optional(),
    chat: z
      .object({
        platform: z.enum(CHAT_PLATFORMS),
        url: z.url({ protocol: /^https?$/, error: "must be the incoming webhook's https:// URL" }).max(2_000),
      })
      .optional()
      .meta({
        description:
          "A Slack, Discord or Microsoft Teams incoming webhook, or any URL for signed JSON (webhook); a test message is sent first",
      }),
    services: z
      .array(z.string().regex(SERVICE_SLUG, 'must be a service slug such as "tiktok"'))
      .min(1, "name at least one service")
      .max(MAX_SERVICES, `at most ${MAX_SERVICES} services`)
      .transform((s) => [...new Set(s)]),
    level: z.enum(ALERT_LEVELS).default("possible").meta({
      description: "possible: every incident; outage: only incidents that reach an outage",
    }),
    countries: z
      .array(z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code such as DE"))
      .max(50)
      .default([])
      .transform((c) => [...new Set(c)].sort())
      .meta({ description: "Only incidents touching these countries; every country when empty" }),
    locale: z.enum(LOCALES).default("en").meta({
      description: "The language of the confirmation e-mail, the alerts and the pages they link to",
    }),
  })
  .strict()
  .refine((r) => [r.email, r.push, r.chat].filter((c) => c !== undefined).length === 1, {
    message: "give exactly one channel: email, push or chat",
    path: ["channel"],
  })
  .meta({ id: "SubscriptionRequest" });
export type SubscriptionRequest = z.infer<typeof subscriptionRequestSchema>;
export type PushTarget = z.infer<typeof pushSchema>;

export const subscriptionAcceptedSchema = z
  .object({
    status: z.enum(["confirmation_sent", "subscribed"]).meta({
      description: "confirmation_sent: an e-mail was sent and nothing more until its link is used",
    }),
    expiresAt: z.string().optional().meta({ description: "When the confirmation link stops working" }),
    manageUrl: z.string().optional().meta({ description: "Where to see deliveries and unsubscribe (keep it private)" }),
    secret: z.string().optional().meta({ description: "Signs webhook deliveries; shown only in this answer" }),
  })
  .meta({ id: "SubscriptionAccepted" });
export type SubscriptionAccepted = z.infer<typeof subscriptionAcceptedSchema>;

export const confirmInputSchema = z
  .object({
    token: z.string().min(1).max(2_000).meta({ description: "The token from the confirmation e-mail's link" }),
  })
  .meta({ id: "SubscriptionConfirmation" });

export const subscriptionConfirmedSchema = z
  .object({ manageUrl: z.string().meta({ description: "Where to see deliveries and unsubscribe (keep it private)" }) })
  .meta({ id: "SubscriptionConfirmed" });

export const subscriptionViewSchema = z
  .object({
    id: z.int(),
    channel: z.enum(["email", "push", "slack", "discord", "teams", "webhook"]),
    target: z.string().meta({ description: "Partly hidden: jo…@example.com, hooks.slack.com/…" }),
    level: z.enum(ALERT_LEVELS),
    countries: z.array(z.string()),
    services: z.array(z.object({ slug: z.string(), name: z.string() })),
    createdAt: z.string(),
    deliveries: z.array(
      z.object({
        id: z.int(),
        change: z.enum(["opened", "escalated", "resolved"]),
        service: z.string(),
        incidentId: z.int(),
        state: z.enum(["pending", "sent", "failed", "skipped"]),
        attempts: z.int(),
        changedAt: z.string(),
        sentAt: z.string().nullable(),
        note: z.string().nullable().meta({ description: "The message's title once sent; otherwise why not" }),
      }),
    ),
  })
  .meta({ id: "Subscription" });
