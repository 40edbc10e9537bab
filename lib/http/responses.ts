import type { FieldIssue } from "@/lib/reports/schema";

export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "overloaded"
  | "unavailable"
  | "internal";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues: FieldIssue[] };
}

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
