"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendContext } from "@/lib/alerts/context";
import { subscribeError, type SubscribeFormState } from "@/lib/alerts/form-state";
import { CONFIRM_HOURS } from "@/lib/alerts/links";
import { knownLocale } from "@/lib/i18n/translator";
import { localePrefix } from "@/lib/i18n/locales";
import { subscriptionRequestSchema } from "@/lib/alerts/schemas";
import { confirmSubscription, dropService, requestSubscription, unsubscribe } from "@/lib/alerts/subscribe";
import { getDb } from "@/lib/db";
import { fieldIssues, invalidInput } from "@/lib/errors";
import { requestSource } from "@/lib/http/admin-route";
import { publicUrl } from "@/lib/http/public-url";

const CHAT = new Set(["slack", "discord", "teams", "webhook"]);

/** The language prefix of the page a form was sent from ("/de"), so its answer stays in that language. */
const pathPrefix = (form: FormData) => localePrefix(knownLocale(String(form.get("locale") ?? "")));

/** The subscribe form's action: the same schema and rules as POST /api/v1/subscriptions; works without JavaScript. */
export async function subscribeAction(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const channel = text("channel");
  const values = {
    channel,
    email: text("email"),
    url: text("url"),
    level: text("level"),
    country: text("country"),
    services: form.getAll("services").map(String),
  };
  // The page's language, which the confirmation e-mail and the alerts will speak.
  const locale = knownLocale(text("locale"));
  let push: unknown;
  try {
    push = channel === "push" ? JSON.parse(text("push") || "null") : undefined;
  } catch {
    push = null;
  }
  const body = {
    services: values.services,
    level: values.level || undefined,
    countries: values.country ? [values.country] : [],
    locale,
    ...(channel === "email" ? { email: values.email } : {}),
    ...(CHAT.has(channel) ? { chat: { platform: channel, url: values.url } } : {}),
    ...(channel === "push" ? { push: push ?? undefined } : {}),
  };
  if (channel === "push" && !push)
    return subscribeError(
      invalidInput([{ field: "push", message: "this browser did not allow notifications" }]),
      values,
    );
  const parsed = subscriptionRequestSchema.safeParse(body);
  if (!parsed.success) return subscribeError(invalidInput(fieldIssues(parsed.error)), values);
  const db = getDb();
  const h = await headers();
  const context = sendContext(db, publicUrl(h));
  const outcome = await requestSubscription(db, parsed.data, { ...context, source: requestSource(h) });
  if (!outcome.ok) return subscribeError(outcome, values);
  return {
    kind: "done",
    accepted: outcome.value,
    channel,
    outbox: context.mailer.kind === "outbox",
    hours: CONFIRM_HOURS,
  };
}

/** The confirmation page's button (a GET alone confirms nothing: mail scanners open links). */
export async function confirmAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const outcome = await confirmSubscription(getDb(), token, { origin: publicUrl(await headers()), now: new Date() });
  redirect(
    outcome.ok
      ? `${pathPrefix(form)}/alerts/manage/${outcome.value.token}?confirmed=1`
      : `${pathPrefix(form)}/alerts/confirm?token=${encodeURIComponent(token)}`,
  );
}

export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  await unsubscribe(getDb(), token);
  redirect(`${pathPrefix(form)}/alerts/unsubscribe/${token}?done=1`);
}

export async function dropServiceAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  await dropService(getDb(), token, String(form.get("service") ?? ""));
  redirect(`${pathPrefix(form)}/alerts/manage/${token}?dropped=1`);
}
