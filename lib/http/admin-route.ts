import "server-only";
import { checkAdminToken } from "@/lib/admin/token";
import { config } from "@/lib/config";
import { errorResponse } from "./responses";

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
