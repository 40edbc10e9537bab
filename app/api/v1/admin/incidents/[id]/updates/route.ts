import { getDb } from "@/lib/db";
import { postOfficialUpdate } from "@/lib/incidents/moderation";
import { officialUpdateInput } from "@/lib/incidents/schemas";
import { asAdminOn, parseJsonBody } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/updates">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, officialUpdateInput);
    if (!body.ok) return body.response;
    const result = await postOfficialUpdate(getDb(), id, body.value.message);
    return outcomeResponse(result, (value) => Response.json(value, { status: 201 }));
  });
}
