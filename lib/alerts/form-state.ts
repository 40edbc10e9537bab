import type { Failure } from "@/lib/errors";
import type { SubscriptionAccepted } from "./schemas";

/** What the subscribe form shows after a submission; plain data so it crosses the server-action boundary. */
export type SubscribeFormState =
  | { kind: "idle" }
  | { kind: "done"; accepted: SubscriptionAccepted; channel: string; outbox: boolean }
  | { kind: "error"; message: string; fields: Record<string, string>; values: Record<string, string | string[]> };

export const SUBSCRIBE_IDLE: SubscribeFormState = { kind: "idle" };

/** The form's fields by the schema's paths ("chat.url" is the form's "url"). */
const FIELD_OF: Record<string, string> = { "chat.url": "url", "push.endpoint": "push", "chat.platform": "channel" };

export function subscribeError(failure: Failure, values: Record<string, string | string[]>): SubscribeFormState {
  const fields: Record<string, string> = {};
  for (const issue of failure.issues) {
    const field = FIELD_OF[issue.field] ?? issue.field.split(".")[0]!;
    fields[field] ??= issue.message;
  }
  const message =
    failure.kind === "invalid_input"
      ? "Please check the fields marked below."
      : failure.message.charAt(0).toUpperCase() + failure.message.slice(1);
  return { kind: "error", message, fields, values };
}
