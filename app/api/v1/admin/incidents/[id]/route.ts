import { getDb } from "@/lib/db";
import { setIncidentCause } from "@/lib/incidents/moderation";
import { incidentPatchInput } from "@/lib/incidents/schemas";
import { asAdminOn, parseJsonBody } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, incidentPatchInput);
    if (!body.ok) return body.response;
    return outcomeResponse(await setIncidentCause(getDb(), id, body.value.cause));
  });
}
