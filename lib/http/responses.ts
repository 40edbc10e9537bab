import type { FieldIssue } from "@/lib/reports/schema";

export type ErrorCode = "invalid_input" | "not_found" | "payload_too_large" | "unsupported_media_type" | "internal";

/** Error body shared by every API route: a code, a sentence for people, and the fields at fault. */
export function errorResponse(status: number, code: ErrorCode, message: string, issues: FieldIssue[] = []): Response {
  return Response.json({ error: { code, message, issues } }, { status, headers: { "cache-control": "no-store" } });
}

export function issuesMessage(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join("; ");
}

const BODY_CODES = { 400: "invalid_input", 413: "payload_too_large", 415: "unsupported_media_type" } as const;
export function bodyErrorResponse(status: 400 | 413 | 415, message: string): Response {
  return errorResponse(status, BODY_CODES[status], message);
}
