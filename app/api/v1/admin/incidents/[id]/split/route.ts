import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { splitIncident } from "@/lib/incidents/moderation";
import { splitInput } from "@/lib/incidents/schemas";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/split">) {
  return asAdmin(request, "moderate", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "incident"), body: splitInput });
    if (!input.ok) return input.response;
    const result = await splitIncident(getDb(), actor, input.params.id, new Date(input.body.at));
    return outcomeResponse(result, (value) => Response.json(value, { status: 201 }));
  });
}
