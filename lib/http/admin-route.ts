import "server-only";
import type { z } from "zod";
import { checkAdminToken } from "@/lib/admin/token";
import { config } from "@/lib/config";
import { fieldIssues } from "@/lib/reports/schemas";
import { pathId } from "./path-id";
import { errorResponse, issuesMessage } from "./responses";

const MAX_ADMIN_BODY_BYTES = 16 * 1024;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Runs an admin handler only for a request carrying the admin token; otherwise 401 or 403. */
export async function asAdmin(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const check = checkAdminToken(request.headers.get("authorization"), config().ADMIN_TOKEN);
  if (!check.ok) {
    return check.status === 401
      ? errorResponse(401, "unauthorized", check.message, [], {
          "www-authenticate": 'Bearer realm="outage-radar-admin"',
        })
      : errorResponse(403, "forbidden", check.message);
  }
  return handle();
}

/**
 * An admin handler for a path like /admin/incidents/{id}: the token first, then an id that is a
 * positive integer (up to `max`), else 404 naming `what` was asked for.
 */
export async function asAdminOn(
  request: Request,
  params: Promise<{ id: string }>,
  what: string,
  handle: (id: number) => Promise<Response>,
  max?: number,
): Promise<Response> {
  return asAdmin(request, async () => {
    const raw = (await params).id;
    const id = pathId(raw, max);
    return id === undefined ? notFound(what, raw) : handle(id);
  });
}

/** The 404 for an admin path whose id names nothing. */
export const notFound = (what: string, id: string | number) =>
  errorResponse(404, "not_found", `${what} ${id} does not exist`);

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A JSON body checked against `schema`: the value, or the 4xx answer that says what is wrong. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const fail = (
    status: number,
    code: "invalid_input" | "payload_too_large" | "unsupported_media_type",
    message: string,
  ) => ({
    ok: false as const,
    response: errorResponse(status, code, message),
  });
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    return fail(415, "unsupported_media_type", 'send JSON with "Content-Type: application/json"');
  }
  const bytes = await readLimited(request, MAX_ADMIN_BODY_BYTES);
  if (bytes === null) return fail(413, "payload_too_large", `body is larger than ${MAX_ADMIN_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    return fail(400, "invalid_input", "body is not valid UTF-8 JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    return { ok: false, response: errorResponse(400, "invalid_input", issuesMessage(issues), issues) };
  }
  return { ok: true, value: parsed.data };
}
