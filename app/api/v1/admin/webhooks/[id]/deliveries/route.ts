import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { deliveryLog } from "@/lib/webhooks/manage";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/deliveries">) {
  return asAdmin(request, "read", async () => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "webhook") });
    if (!input.ok) return input.response;
    return outcomeResponse(await deliveryLog(getDb(), input.params.id), (log) =>
      Response.json(log, { headers: { "cache-control": "no-store" } }),
    );
  });
}
