import { getDb } from "@/lib/db";
import { asAdminOn } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";
import { deliveryLog } from "@/lib/webhooks/manage";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/deliveries">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) =>
    outcomeResponse(await deliveryLog(getDb(), id), (log) =>
      Response.json(log, { headers: { "cache-control": "no-store" } }),
    ),
  );
}
