import type { z } from "zod";

/**
 * What a domain operation that can be refused returns: its value, or why not — a kind of failure,
 * a sentence for people, and the input fields at fault. Domain code knows no HTTP statuses;
 * lib/http/responses.ts maps the kinds to them in one place, for route handlers and the front alike.
 */
export type FailureKind =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "rate_limited"
  /** A link or token that worked once and no longer does (an expired confirmation). */
  | "gone"
  /** Something this request needs is not available now (e.g. the mail relay did not answer). */
  | "unavailable"
  /** An Idempotency-Key sent again with a different request. */
  | "idempotency_key_reused";

export interface FieldIssue {
  field: string;
  message: string;
}

export interface Failure {
  ok: false;
  kind: FailureKind;
  message: string;
  issues: FieldIssue[];
  /** With rate_limited: when to try again. */
  retryAfterSeconds?: number;
}

export type Outcome<T = undefined> = { ok: true; value: T } | Failure;

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const failure = (kind: FailureKind, message: string, issues: FieldIssue[] = []): Failure => ({
  ok: false,
  kind,
  message,
  issues,
});
export const notFound = (what: string) => failure("not_found", `${what} does not exist`);
export const conflict = (message: string) => failure("conflict", message);

/** A zod error as the fields at fault, each with what is wrong in words. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
}

export const issuesMessage = (issues: FieldIssue[]): string => issues.map((i) => `${i.field}: ${i.message}`).join("; ");

/** An invalid-input failure naming every field at fault. */
export const invalidInput = (issues: FieldIssue[]): Failure => failure("invalid_input", issuesMessage(issues), issues);
