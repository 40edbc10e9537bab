import "server-only";
import type { Actor, Scope } from "@/lib/admin/actor";
import { authorize, bearerToken } from "@/lib/admin/authorize";
import { bootstrapToken } from "@/lib/admin/bootstrap-token";
import { getDb } from "@/lib/db";
import { clientFromHeaders, networkBlock } from "@/lib/reports/client-ip";
import { errorResponse } from "./responses";

/** The network block an admin request comes from, as the audit log records it. */
export const requestSource = (headers: Headers) => networkBlock(clientFromHeaders(headers).ip);

/**
 * Runs an admin handler only for a request whose Bearer token has `scope`; otherwise 401, 403 or
 * (after repeated failures from the same network) 429.
 */
export async function asAdmin(
  request: Request,
  scope: Scope,
  handle: (actor: Actor) => Promise<Response>,
): Promise<Response> {
  const check = await authorize(
    getDb(),
    bearerToken(request.headers.get("authorization")),
    scope,
    requestSource(request.headers),
    bootstrapToken(),
  );
  if (check.ok) return handle(check.actor);
  if (check.status === 401) {
    return errorResponse(401, "unauthorized", check.message, [], {
      "www-authenticate": 'Bearer realm="outage-radar-admin"',
    });
  }
  if (check.status === 429) {
    return errorResponse(429, "rate_limited", check.message, [], { "retry-after": String(check.retryAfterSeconds) });
  }
  return errorResponse(403, "forbidden", check.message);
}
