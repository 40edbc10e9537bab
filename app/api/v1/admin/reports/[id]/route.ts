import { getDb } from "@/lib/db";
import { setReportTextHidden } from "@/lib/reports/moderation";
import { reportPatchInput } from "@/lib/reports/schemas";
import { asAdminOn, parseJsonBody } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/reports/[id]">) {
  return asAdminOn(
    request,
    ctx.params,
    "report",
    async (id) => {
      const body = await parseJsonBody(request, reportPatchInput);
      if (!body.ok) return body.response;
      return outcomeResponse(await setReportTextHidden(getDb(), id, body.value.textHidden));
    },
    Number.MAX_SAFE_INTEGER,
  );
}
