import { getDb } from "@/db/client";
import { setReportTextHidden } from "@/lib/admin/moderation";
import { reportPatchInput } from "@/lib/api/schemas";
import { asAdminOn, moderationResponse, parseJsonBody } from "@/lib/http/admin-route";

export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/admin/reports/[id]">) {
  return asAdminOn(
    request,
    ctx.params,
    "report",
    async (id) => {
      const body = await parseJsonBody(request, reportPatchInput);
      if (!body.ok) return body.response;
      return moderationResponse(await setReportTextHidden(getDb(), id, body.value.textHidden));
    },
    Number.MAX_SAFE_INTEGER,
  );
}
