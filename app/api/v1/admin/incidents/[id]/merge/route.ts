import { getDb } from "@/lib/db";
import { mergeIncidents } from "@/lib/incidents/moderation";
import { mergeInput } from "@/lib/incidents/schemas";
import { asAdminOn, parseJsonBody } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/merge">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, mergeInput);
    if (!body.ok) return body.response;
    return outcomeResponse(await mergeIncidents(getDb(), id, body.value.into));
  });
}
