import "server-only";
import { Agent as HttpsAgent } from "node:https";
import { RequestFilteringHttpsAgent } from "request-filtering-agent";
import webpush, { WebPushError } from "web-push";
import { postDelivery, type TargetPolicy } from "@/lib/webhooks/send";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "@/lib/webhooks/signature";
import { chatPayload } from "./chat";
import { alertMail, type AlertLinks } from "./email";
import type { AlertChannel } from "./levels";
import type { Mailer } from "./mailer";
import type { AlertMessage } from "./message";
import type { VapidKeys } from "./vapid";

/** A subscription as a sender needs it: the target and secret already opened. */
export interface Recipient {
  id: number;
  channel: AlertChannel;
  target: string;
  secret: string | null;
}

export interface SendContext {
  mailer: Mailer;
  policy: TargetPolicy;
  vapid: () => Promise<VapidKeys>;
  /** https origin or mailto: address push services may contact about this sender (RFC 8292). */
  pushContact: string;
  now: Date;
}

/** What happened: sent, failed for now (retry), or the target is gone for good (drop the subscription). */
export type SendOutcome = { ok: true } | { ok: false; error: string; gone?: boolean };

const TIMEOUT_MS = 10_000;
const pushAgents = {
  strict: new RequestFilteringHttpsAgent(),
  // Development and tests: a push endpoint on this machine, with its own certificate.
  insecure: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true, rejectUnauthorized: false }),
};

const posted = (error: string | null): SendOutcome => (error === null ? { ok: true } : { ok: false, error });

/** Sends one message over a subscription's channel. */
export async function sendAlert(
  to: Recipient,
  message: AlertMessage,
  links: AlertLinks,
  ctx: SendContext,
  meta: { delivery: string; kind: "alert" | "test" } = { delivery: "0", kind: "alert" },
): Promise<SendOutcome> {
  switch (to.channel) {
    case "email":
      try {
        await ctx.mailer.send(alertMail(to.target, message, links));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: mailFailure(error) };
      }
    case "slack":
    case "discord":
    case "teams": {
      const sent = await postDelivery(
        to.target,
        JSON.stringify(chatPayload(to.channel, message)),
        { "content-type": "application/json", "user-agent": "OutageRadar-Alerts/1" },
        ctx.policy,
        TIMEOUT_MS,
      );
      return posted(sent.error);
    }
    case "webhook": {
      const body = JSON.stringify({ type: meta.kind, ...message, manageUrl: links.manage });
      const sent = await postDelivery(
        to.target,
        body,
        {
          "content-type": "application/json",
          "user-agent": "OutageRadar-Alerts/1",
          [SIGNATURE_HEADER]: signatureHeader(to.secret ?? "", body, ctx.now),
          [DELIVERY_HEADER]: meta.delivery,
          [EVENT_HEADER]: `alert.${meta.kind}`,
        },
        ctx.policy,
        TIMEOUT_MS,
      );
      return posted(sent.error);
    }
    case "push":
      return sendPush(to, message, ctx);
  }
}

async function sendPush(to: Recipient, message: AlertMessage, ctx: SendContext): Promise<SendOutcome> {
  const keys = await ctx.vapid();
  try {
    await webpush.sendNotification(
      JSON.parse(to.target) as webpush.PushSubscription,
      JSON.stringify({ title: message.title, body: message.body, url: message.url }),
      {
        vapidDetails: { subject: ctx.pushContact, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: 6 * 3600,
        urgency: "high",
        timeout: TIMEOUT_MS,
        agent: (ctx.policy.allowInsecure ? pushAgents.insecure : pushAgents.strict) as unknown as HttpsAgent,
      },
    );
    return { ok: true };
  } catch (error) {
    // 404 and 410: the browser unsubscribed or the subscription expired (RFC 8030), for good.
    if (error instanceof WebPushError)
      return {
        ok: false,
        error: `the push service answered ${error.statusCode}`,
        gone: error.statusCode === 404 || error.statusCode === 410,
      };
    return {
      ok: false,
      error: /not allowed/.test(String(error))
        ? "the push endpoint's address is not allowed"
        : "the push service could not be reached",
    };
  }
}

/** An SMTP failure in words a subscriber may read (no server names or addresses). */
function mailFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string };
  if (e.responseCode) return `the mail relay refused the message (${e.responseCode})`;
  if (e.code === "ETIMEDOUT") return "the mail relay timed out";
  return "the mail relay could not be reached";
}
