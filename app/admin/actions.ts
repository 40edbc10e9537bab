"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { scopeSchema, type Actor, type Scope } from "@/lib/admin/actor";
import type { ConsoleState } from "@/lib/admin/console-state";
import { issueToken, revokeToken, rotateToken, tokenInputSchema } from "@/lib/admin/tokens";
import { INCIDENT_CAUSES } from "@/lib/catalog/constants";
import { getDb } from "@/lib/db";
import { fieldIssues, issuesMessage, type Outcome } from "@/lib/errors";
import { consoleAccess, signInToConsole, signOutOfConsole } from "@/lib/http/console-session";
import { idString } from "@/lib/http/path-id";
import { mergeIncidents, postOfficialUpdate, setIncidentCause, splitIncident } from "@/lib/incidents/moderation";
import { officialUpdateInput } from "@/lib/incidents/schemas";
import { setReportTextHidden } from "@/lib/reports/moderation";
import { createWebhook, deleteWebhook, enableWebhook, sendTestDelivery } from "@/lib/webhooks/manage";
import { webhookInputSchema } from "@/lib/webhooks/schemas";

// The console's forms: each checks the session's token for its scope, reads its fields with the
// API's own schemas, and does the change through the same functions the API uses (audited there).

const id = idString("is not an id");
const reportId = idString("is not an id", Number.MAX_SAFE_INTEGER);
/** A time typed in the console: `datetime-local` (read as UTC, as the form says) or full ISO 8601. */
const utcTime = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z?$/, "must be a date and time such as 2026-06-01T14:30")
  .transform((s) => new Date(s.endsWith("Z") ? s : `${s}Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "is not a real date and time");

function fields(form: FormData, many: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    if (many.includes(key)) out[key] = [...((out[key] as string[] | undefined) ?? []), value];
    else if (value !== "") out[key] = value;
  }
  return out;
}

async function act<S extends z.ZodType, T>(
  scope: Scope,
  schema: S,
  input: Record<string, unknown>,
  run: (actor: Actor, values: z.infer<S>) => Promise<Outcome<T>>,
  said: (value: T) => Exclude<ConsoleState, null>,
): Promise<ConsoleState> {
  const access = await consoleAccess(scope);
  if (!access.ok) return { ok: false, message: access.message };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, message: issuesMessage(fieldIssues(parsed.error)) };
  }
  const outcome = await run(access.actor, parsed.data);
  if (!outcome.ok) return { ok: false, message: outcome.message };
  revalidatePath("/admin", "layout");
  return said(outcome.value);
}

export async function signIn(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const token = form.get("token");
  if (typeof token !== "string" || token.trim() === "") return { ok: false, message: "Enter your token." };
  const check = await signInToConsole(token.trim());
  if (!check.ok) return { ok: false, message: check.message };
  redirect("/admin");
}

export async function signOut(): Promise<void> {
  await signOutOfConsole();
  redirect("/admin");
}

export async function setCommentHidden(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const schema = z.object({ id: reportId, hidden: z.enum(["true", "false"]) });
  return act(
    "moderate",
    schema,
    fields(form),
    (actor, v) => setReportTextHidden(getDb(), actor, v.id, v.hidden === "true"),
    () => ({ ok: true, message: form.get("hidden") === "true" ? "Comment hidden." : "Comment shown again." }),
  );
}

export async function setCause(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const schema = z.object({ id, cause: z.enum(INCIDENT_CAUSES, "choose a cause") });
  return act(
    "moderate",
    schema,
    fields(form),
    (actor, v) => setIncidentCause(getDb(), actor, v.id, v.cause),
    () => ({ ok: true, message: "Cause set." }),
  );
}

export async function postUpdate(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const schema = officialUpdateInput.extend({ id });
  return act(
    "moderate",
    schema,
    fields(form),
    (actor, v) => postOfficialUpdate(getDb(), actor, v.id, v.message),
    () => ({ ok: true, message: "Official update posted." }),
  );
}

export async function merge(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const schema = z.object({ id, into: idString("is not an incident number") });
  return act(
    "moderate",
    schema,
    fields(form),
    (actor, v) => mergeIncidents(getDb(), actor, v.id, v.into),
    () => ({ ok: true, message: "Merged." }),
  );
}

export async function split(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  const schema = z.object({ id, at: utcTime });
  return act(
    "moderate",
    schema,
    fields(form),
    (actor, v) => splitIncident(getDb(), actor, v.id, v.at),
    (created) => ({ ok: true, message: `Split: the later part is now incident #${created.id}.` }),
  );
}

export async function addWebhook(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "webhooks",
    webhookInputSchema,
    fields(form, ["events"]),
    (actor, v) => createWebhook(getDb(), actor, v),
    (created) => ({
      ok: true,
      message: `Webhook ${created.id} added. Its signing secret is shown only now:`,
      secret: created.secret,
    }),
  );
}

export async function removeWebhook(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "webhooks",
    z.object({ id }),
    fields(form),
    (actor, v) => deleteWebhook(getDb(), actor, v.id),
    () => ({ ok: true, message: "Webhook removed; its log is kept." }),
  );
}

export async function switchWebhookOn(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "webhooks",
    z.object({ id }),
    fields(form),
    (actor, v) => enableWebhook(getDb(), actor, v.id),
    () => ({ ok: true, message: "Webhook switched on again." }),
  );
}

export async function pingWebhook(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "webhooks",
    z.object({ id }),
    fields(form),
    (_actor, v) => sendTestDelivery(getDb(), v.id),
    () => ({ ok: true, message: "Test delivery queued; it shows in the log within a few seconds." }),
  );
}

export async function issue(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "tokens",
    tokenInputSchema.extend({ scopes: z.array(scopeSchema).min(1, "tick at least one scope") }),
    fields(form, ["scopes"]),
    (actor, v) => issueToken(getDb(), actor, v),
    (issued) => ({
      ok: true,
      message: `Token for ${issued.name} issued. Copy it now; it is not shown again:`,
      secret: issued.token,
    }),
  );
}

export async function rotate(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "tokens",
    z.object({ id }),
    fields(form),
    (actor, v) => rotateToken(getDb(), actor, v.id),
    (rotated) => ({
      ok: true,
      message: `New secret for ${rotated.name}; the old one works until ${rotated.previous_valid_until} (UTC). Copy it now:`,
      secret: rotated.token,
    }),
  );
}

export async function revoke(_previous: ConsoleState, form: FormData): Promise<ConsoleState> {
  return act(
    "tokens",
    z.object({ id }),
    fields(form),
    (actor, v) => revokeToken(getDb(), actor, v.id),
    () => ({ ok: true, message: "Token revoked." }),
  );
}
