import { getDb } from "@/db/client";
import { setIncidentCause } from "@/lib/admin/moderation";
import { incidentPatchInput } from "@/lib/api/schemas";
import { asAdminOn, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/incidents/[id]">) {
  return asAdminOn(request, ctx.params, "incident", async (id) => {
    const body = await parseJsonBody(request, incidentPatchInput);
    if (!body.ok) return body.response;
    return moderationResponse(await setIncidentCause(getDb(), id, body.value.cause));
  });
}
