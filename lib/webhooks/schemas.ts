import { z } from "zod";
import { WEBHOOK_EVENTS, SERVICE_SLUG } from "@/lib/catalog/constants";
import { instant, slug } from "@/lib/catalog/schemas";

export const webhookInputSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .max(2_000)
      .meta({
        description:
          "https:// on a public address (checked again, after DNS, at every delivery); http:// and private addresses only where WEBHOOK_ALLOW_INSECURE is on",
      }),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1, "must name at least one event")
      .default([...WEBHOOK_EVENTS])
      .transform((e) => [...new Set(e)]),
    service: z
      .string()
      .regex(SERVICE_SLUG, 'must be a service slug such as "tiktok"')
      .optional()
      .meta({ description: "Only this service's incidents; all services when left out." }),
  })
  .meta({ id: "WebhookInput" });
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookSchema = z
  .object({
    id: z.int(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    service: slug.nullable(),
    createdAt: instant,
    disabledAt: instant.nullable().meta({ description: "When it was switched off after failing for a day" }),
    disabledReason: z.string().nullable(),
  })
  .meta({ id: "Webhook" });

export const webhookCreatedSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: "Signs deliveries; shown only in this answer" }) })
  .meta({ id: "WebhookCreated" });

export const deliverySchema = z
  .object({
    id: z.int(),
    event: z.string(),
    incidentId: z.int().nullable(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    lastStatus: z.int().nullable(),
    lastError: z.string().nullable(),
    createdAt: instant,
    deliveredAt: instant.nullable(),
    nextAttemptAt: instant.nullable(),
  })
  .meta({ id: "WebhookDelivery" });
