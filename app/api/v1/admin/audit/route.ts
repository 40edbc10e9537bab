import { z } from "zod";
import { auditLog } from "@/lib/admin/audit";
import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idString } from "@/lib/http/path-id";

const querySchema = z.object({ before: idString("must be an entry id").optional() });

/** The audit log, newest first, a hundred entries at a time (`before` pages back). */
export async function GET(request: Request) {
  return asAdmin(request, "read", async () => {
    const input = await parseRequest(request, { query: querySchema });
    if (!input.ok) return input.response;
    const list = await auditLog(getDb(), 100, input.query.before);
    return Response.json(list, { headers: { "cache-control": "no-store" } });
  });
}
