import "server-only";
import type { Db } from "@/db/client";
import { config } from "@/lib/config";
import { webhookPolicy } from "@/lib/webhooks/policy";
import { alertSecrets } from "./links";
import { createMailer } from "./mailer";
import type { SendContext } from "./send";
import { vapidKeys } from "./vapid";

/** How this deployment sends alerts: its mail relay (or outbox), target policy and push identity. */
export function sendContext(db: Db, origin: string, now = new Date()): SendContext & { origin: string } {
  const cfg = config();
  return {
    origin,
    mailer: createMailer(db, cfg),
    policy: webhookPolicy(),
    vapid: () => vapidKeys(db, alertSecrets().targets),
    // Push services may contact the sender: its https site, or else its mail address.
    pushContact: origin.startsWith("https://")
      ? origin
      : `mailto:${cfg.MAIL_FROM?.match(/<([^>]+)>/)?.[1] ?? "alerts@localhost"}`,
    now,
  };
}
