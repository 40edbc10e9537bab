import { getDb } from "@/db/client";
import { setReportTextHidden } from "@/lib/admin/moderation";
import { reportPatchInput } from "@/lib/api/schemas";
import { asAdmin, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/reports/[id]">) {
  return asAdmin(request, async () => {
    const raw = (await ctx.params).id;
    const id = pathId(raw, Number.MAX_SAFE_INTEGER);
    if (id === undefined) return errorResponse(404, "not_found", `report ${raw} does not exist`);
    const body = await parseJsonBody(request, reportPatchInput);
    if (!body.ok) return body.response;
    return moderationResponse(await setReportTextHidden(getDb(), id, body.value.textHidden));
  });
}
