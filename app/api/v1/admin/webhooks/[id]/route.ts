import { getDb } from "@/db/client";
import { asAdminOn, notFound } from "@/lib/http/admin-route";
import { deleteWebhook } from "@/lib/webhooks/manage";

export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) =>
    (await deleteWebhook(getDb(), id)) ? new Response(null, { status: 204 }) : notFound("webhook", id),
  );
}
