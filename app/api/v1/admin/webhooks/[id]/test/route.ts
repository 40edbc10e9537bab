import { getDb } from "@/db/client";
import { asAdmin } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";
import { sendTestDelivery } from "@/lib/webhooks/manage";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/test">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw);
    const deliveryId = id === undefined ? null : await sendTestDelivery(getDb(), id);
    if (deliveryId === null) return errorResponse(404, "not_found", `webhook ${raw} does not exist`);
    return Response.json({ deliveryId }, { status: 202 });
  });
}
