import { getDb } from "@/db/client";
import { asAdmin } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";
import { deliveryLog } from "@/lib/webhooks/manage";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/deliveries">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw);
    const log = id === undefined ? null : await deliveryLog(getDb(), id);
    if (log === null) return errorResponse(404, "not_found", `webhook ${raw} does not exist`);
    return Response.json(log, { headers: { "cache-control": "no-store" } });
  });
}
