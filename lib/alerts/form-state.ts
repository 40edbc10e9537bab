import type { Failure, FailureKind } from "@/lib/errors";
import type { SubscriptionAccepted } from "./schemas";

/**
 * What the subscribe form shows after a submission; plain data so it crosses the server-action
 * boundary. An error names what went wrong and which fields, not words: the form says them in the
 * page's language (the API's own messages stay English, for developers).
 */
export type SubscribeFormState =
  | { kind: "idle" }
  | { kind: "done"; accepted: SubscriptionAccepted; channel: string; outbox: boolean; hours: number }
  | {
      kind: "error";
      problem: FailureKind;
      retryAfterSeconds?: number;
      /** The form's fields at fault ("services", "email", "url"…). */
      fields: string[];
      values: Record<string, string | string[]>;
    };

export const SUBSCRIBE_IDLE: SubscribeFormState = { kind: "idle" };

/** The form's fields by the schema's paths ("chat.url" is the form's "url"). */
const FIELD_OF: Record<string, string> = { "chat.url": "url", "push.endpoint": "push", "chat.platform": "channel" };

export function subscribeError(failure: Failure, values: Record<string, string | string[]>): SubscribeFormState {
  const fields = [...new Set(failure.issues.map((i) => FIELD_OF[i.field] ?? i.field.split(".")[0]!))];
  return {
    kind: "error",
    problem: failure.kind,
    ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    fields,
    values,
  };
}
