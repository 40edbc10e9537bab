import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { enableWebhook } from "@/lib/webhooks/manage";

/** Switches a webhook that was turned off for failing back on. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/enable">) {
  return asAdmin(request, "webhooks", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "webhook") });
    if (!input.ok) return input.response;
    return outcomeResponse(await enableWebhook(getDb(), actor, input.params.id));
  });
}
