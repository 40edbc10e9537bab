import { getDb } from "@/lib/db";
import { asAdminOn } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";
import { deleteWebhook } from "@/lib/webhooks/manage";

export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) => outcomeResponse(await deleteWebhook(getDb(), id)));
}
