import { getDb } from "@/db/client";
import { postOfficialUpdate } from "@/lib/admin/moderation";
import { officialUpdateInput } from "@/lib/api/schemas";
import { asAdminOn, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/updates">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, officialUpdateInput);
    if (!body.ok) return body.response;
    const result = await postOfficialUpdate(getDb(), id, body.value.message);
    return moderationResponse(result, () => Response.json(result.ok ? result.value : {}, { status: 201 }));
  });
}
