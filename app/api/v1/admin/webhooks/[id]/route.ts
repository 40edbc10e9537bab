import { getDb } from "@/db/client";
import { asAdmin } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";
import { deleteWebhook } from "@/lib/webhooks/manage";

export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw);
    if (id === undefined || !(await deleteWebhook(getDb(), id))) {
      return errorResponse(404, "not_found", `webhook ${raw} does not exist`);
    }
    return new Response(null, { status: 204 });
  });
}
