import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { sendTestDelivery } from "@/lib/webhooks/manage";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/test">) {
  return asAdmin(request, "webhooks", async () => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "webhook") });
    if (!input.ok) return input.response;
    return outcomeResponse(await sendTestDelivery(getDb(), input.params.id), (sent) =>
      Response.json(sent, { status: 202 }),
    );
  });
}
