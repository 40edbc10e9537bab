import { getDb } from "@/db/client";
import { asAdminOn, notFound } from "@/lib/http/admin-route";
import { deliveryLog } from "@/lib/webhooks/manage";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/deliveries">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) => {
    const log = await deliveryLog(getDb(), id);
    return log === null ? notFound("webhook", id) : Response.json(log, { headers: { "cache-control": "no-store" } });
  });
}
