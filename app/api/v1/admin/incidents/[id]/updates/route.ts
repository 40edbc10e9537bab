import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { postOfficialUpdate } from "@/lib/incidents/moderation";
import { officialUpdateInput } from "@/lib/incidents/schemas";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/updates">) {
  return asAdmin(request, "moderate", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "incident"), body: officialUpdateInput });
    if (!input.ok) return input.response;
    const result = await postOfficialUpdate(getDb(), actor, input.params.id, input.body.message);
    return outcomeResponse(result, (value) => Response.json(value, { status: 201 }));
  });
}
