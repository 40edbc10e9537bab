import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { setIncidentCause } from "@/lib/incidents/moderation";
import { incidentPatchInput } from "@/lib/incidents/schemas";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]">) {
  return asAdmin(request, "moderate", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "incident"), body: incidentPatchInput });
    if (!input.ok) return input.response;
    return outcomeResponse(await setIncidentCause(getDb(), actor, input.params.id, input.body.cause));
  });
}
