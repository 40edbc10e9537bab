import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";
import { setReportTextHidden } from "@/lib/reports/moderation";
import { reportPatchInput } from "@/lib/reports/schemas";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/reports/[id]">) {
  return asAdmin(request, "moderate", async (actor) => {
    const input = await parseRequest(request, {
      // Report ids are bigints.
      params: idPath(ctx.params, "report", Number.MAX_SAFE_INTEGER),
      body: reportPatchInput,
    });
    if (!input.ok) return input.response;
    return outcomeResponse(await setReportTextHidden(getDb(), actor, input.params.id, input.body.textHidden));
  });
}
