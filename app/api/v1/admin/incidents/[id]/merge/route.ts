import { getDb } from "@/db/client";
import { mergeIncidents } from "@/lib/admin/moderation";
import { mergeInput } from "@/lib/api/schemas";
import { asAdmin, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/merge">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw);
    if (id === undefined) return errorResponse(404, "not_found", `incident ${raw} does not exist`);
    const body = await parseJsonBody(request, mergeInput);
    if (!body.ok) return body.response;
    return moderationResponse(await mergeIncidents(getDb(), id, body.value.into));
  });
}
