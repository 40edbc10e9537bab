import { getDb } from "@/db/client";
import { mergeIncidents } from "@/lib/admin/moderation";
import { mergeInput } from "@/lib/api/schemas";
import { asAdminOn, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/merge">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, mergeInput);
    if (!body.ok) return body.response;
    return moderationResponse(await mergeIncidents(getDb(), id, body.value.into));
  });
}
