import { getDb } from "@/db/client";
import { asAdminOn, notFound } from "@/lib/http/admin-route";
import { sendTestDelivery } from "@/lib/webhooks/manage";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/test">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) => {
    const deliveryId = await sendTestDelivery(getDb(), id);
    return deliveryId === null ? notFound("webhook", id) : Response.json({ deliveryId }, { status: 202 });
  });
}
