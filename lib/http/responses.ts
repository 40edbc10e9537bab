import { z } from "zod";
import type { FailureKind, Outcome } from "@/lib/errors";
import type { FieldIssue } from "@/lib/reports/schemas";

export const ERROR_CODES = [
  "invalid_input",
  "not_found",
  "unauthorized",
  "forbidden",
  "conflict",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "overloaded",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error body every endpoint answers with; the OpenAPI document describes it from this schema. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ example: "invalid_input" }),
      message: z.string().meta({ description: "What is wrong, in words" }),
      issues: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorSchema>;

/** The error body every endpoint answers with: a code, a sentence for people, and the fields at fault. */
export function errorBody(code: ErrorCode, message: string, issues: FieldIssue[] = []): ErrorBody {
  return { error: { code, message, issues } };
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  issues: FieldIssue[] = [],
  headers: Record<string, string> = {},
): Response {
  return Response.json(errorBody(code, message, issues), {
    status,
    headers: { "cache-control": "no-store", ...headers },
  });
}

export function issuesMessage(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join("; ");
}

export const BODY_ERROR_CODES = {
  400: "invalid_input",
  413: "payload_too_large",
  415: "unsupported_media_type",
} as const;

/** The one place a domain failure becomes an HTTP status. */
const FAILURE_STATUS: Record<FailureKind, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** The answer to a domain operation: `done` (204 unless told otherwise) when it succeeded, else its 4xx. */
export function outcomeResponse<T>(
  outcome: Outcome<T>,
  done: (value: T) => Response = () => new Response(null, { status: 204 }),
): Response {
  if (outcome.ok) return done(outcome.value);
  return errorResponse(FAILURE_STATUS[outcome.kind], outcome.kind, outcome.message);
}
