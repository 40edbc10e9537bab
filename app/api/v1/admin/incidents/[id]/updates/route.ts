import { getDb } from "@/db/client";
import { postOfficialUpdate } from "@/lib/admin/moderation";
import { officialUpdateInput } from "@/lib/api/schemas";
import { asAdmin, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/updates">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw);
    if (id === undefined) return errorResponse(404, "not_found", `incident ${raw} does not exist`);
    const body = await parseJsonBody(request, officialUpdateInput);
    if (!body.ok) return body.response;
    const result = await postOfficialUpdate(getDb(), id, body.value.message);
    return moderationResponse(result, () => Response.json(result.ok ? result.value : {}, { status: 201 }));
  });
}
