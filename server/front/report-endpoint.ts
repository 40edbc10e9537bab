import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@/db/client";
import { asnFromHeader, CLIENT_ASN_HEADER, CLIENT_IP_HEADER } from "@/lib/reports/client-ip";
import { CommitTimeoutError, QueueClosedError, QueueFullError, QueueStalledError } from "@/lib/reports/ingest-queue";
import { submitReport } from "@/lib/reports/submit";
import { readJsonBody } from "./json-body";
import { BODY_ERROR_CODES, errorBody, failureAnswer, type ErrorCode } from "@/lib/http/responses";
import { sendJson } from "./send-json";
import { logError } from "@/lib/text/error-text";

/**
 * POST /api/v1/reports, answered in front of Next.js: the route pipeline costs far more CPU than
 * the work, and this is the endpoint that floods when something big breaks. Same validation and
 * ingest as the form (submitReport); answered 201 only after the report's batch has committed. A
 * retry with the same Idempotency-Key gets the first answer again (Idempotent-Replayed: true).
 */
/** Why a report could not be taken, as it is told: the error, its code, its sentence, Retry-After. */
type Refusal = [new (...args: never[]) => Error, ErrorCode, string, string];
const REFUSALS: Refusal[] = [
  [QueueFullError, "overloaded", "too many reports at once; nothing was stored, retry in a second", "1"],
  [
    CommitTimeoutError,
    "unavailable",
    "the database did not confirm your report in time; it may have been stored: retry with the same Idempotency-Key so it counts once",
    "5",
  ],
  [QueueStalledError, "unavailable", "the database is not answering; nothing was stored, retry shortly", "5"],
  [QueueClosedError, "unavailable", "the server is restarting; nothing was stored, retry shortly", "5"],
];
const NOT_STORED: Refusal = [
  Error,
  "unavailable",
  "the report could not be stored; nothing was recorded, retry shortly",
  "2",
];

export async function handleReportRequest(req: IncomingMessage, res: ServerResponse, db: Db): Promise<void> {
  if (req.method !== "POST") {
    sendJson(res, 405, errorBody("method_not_allowed", "send reports with POST"), { allow: "POST" });
    return;
  }
  let body;
  try {
    body = await readJsonBody(req);
  } catch {
    // The client went away mid-body: nothing was stored, nobody to answer.
    req.destroy();
    return;
  }
  if (!body.ok) {
    // Whatever is left of an oversized body is not worth reading: close the connection instead.
    sendJson(res, body.status, errorBody(BODY_ERROR_CODES[body.status], body.message), { connection: "close" });
    return;
  }
  const ip = req.headers[CLIENT_IP_HEADER];
  const client = {
    ip: typeof ip === "string" ? ip : "unknown",
    userAgent: req.headers["user-agent"] ?? "",
    asn: asnFromHeader(req.headers[CLIENT_ASN_HEADER]),
  };
  const key = req.headers["idempotency-key"];
  let outcome;
  try {
    outcome = await submitReport(db, body.value, client, new Date(), {
      idempotencyKey: typeof key === "string" ? key : undefined,
    });
  } catch (error) {
    const refusal = REFUSALS.find(([kind]) => error instanceof kind) ?? NOT_STORED;
    if (refusal === NOT_STORED) logError("report not stored", error);
    const [, code, message, retryAfter] = refusal;
    sendJson(res, 503, errorBody(code, message), { "retry-after": retryAfter });
    return;
  }
  if (!outcome.ok) {
    const { status, body: answer, headers } = failureAnswer(outcome);
    sendJson(res, status, answer, headers);
    return;
  }
  sendJson(
    res,
    201,
    { id: outcome.id, counted: outcome.counted, status: outcome.status },
    outcome.replayed ? { "idempotent-replayed": "true" } : {},
  );
}
