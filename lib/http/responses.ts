import { z } from "zod";
import type { Failure, FailureKind, FieldIssue, Outcome } from "@/lib/errors";

export const ERROR_CODES = [
  "invalid_input",
  "not_found",
  "unauthorized",
  "forbidden",
  "conflict",
  "gone",
  "idempotency_key_reused",
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

export const BODY_ERROR_CODES = {
  400: "invalid_input",
  413: "payload_too_large",
  415: "unsupported_media_type",
} as const;

/** The one place a domain failure becomes an HTTP answer: status, body and headers. */
const FAILURE_STATUS: Record<FailureKind, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // As the IETF Idempotency-Key draft says for a key reused with another payload.
  idempotency_key_reused: 422,
  rate_limited: 429,
  gone: 410,
  unavailable: 503,
};

export function failureAnswer(f: Failure): { status: number; body: ErrorBody; headers: Record<string, string> } {
  return {
    status: FAILURE_STATUS[f.kind],
    body: errorBody(f.kind, f.message, f.issues),
    headers: f.retryAfterSeconds === undefined ? {} : { "retry-after": String(f.retryAfterSeconds) },
  };
}

export function failureResponse(f: Failure): Response {
  const { status, body, headers } = failureAnswer(f);
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The answer to a domain operation: `done` (204 unless told otherwise) when it succeeded, else its 4xx. */
export function outcomeResponse<T>(
  outcome: Outcome<T>,
  done: (value: T) => Response = () => new Response(null, { status: 204 }),
): Response {
  return outcome.ok ? done(outcome.value) : failureResponse(outcome);
}
