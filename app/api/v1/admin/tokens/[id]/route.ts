import { revokeToken } from "@/lib/admin/tokens";
import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";

/** Revokes a token: both its secrets stop working at once. */
export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/admin/tokens/[id]">) {
  return asAdmin(request, "tokens", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "token") });
    if (!input.ok) return input.response;
    return outcomeResponse(await revokeToken(getDb(), actor, input.params.id));
  });
}
