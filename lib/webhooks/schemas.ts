import { z } from "zod";
import { WEBHOOK_EVENTS, SERVICE_SLUG } from "@/lib/catalog/constants";

export const webhookInputSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).max(2_000),
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
