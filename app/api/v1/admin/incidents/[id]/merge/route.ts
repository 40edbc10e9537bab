import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { mergeIncidents } from "@/lib/incidents/moderation";
import { mergeInput } from "@/lib/incidents/schemas";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]/merge">) {
  return asAdmin(request, "moderate", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "incident"), body: mergeInput });
    if (!input.ok) return input.response;
    return outcomeResponse(await mergeIncidents(getDb(), actor, input.params.id, input.body.into));
  });
}
