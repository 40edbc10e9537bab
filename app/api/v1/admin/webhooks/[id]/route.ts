import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { deleteWebhook } from "@/lib/webhooks/manage";

export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]">) {
  return asAdmin(request, "webhooks", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "webhook") });
    if (!input.ok) return input.response;
    return outcomeResponse(await deleteWebhook(getDb(), actor, input.params.id));
  });
}
