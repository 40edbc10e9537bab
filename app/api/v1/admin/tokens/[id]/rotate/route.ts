import { rotateInputSchema, rotateToken } from "@/lib/admin/tokens";
import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { outcomeResponse } from "@/lib/http/responses";

/** A new secret for the token; the old one keeps working for `graceHours` (24 unless given). */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/tokens/[id]/rotate">) {
  return asAdmin(request, "tokens", async (actor) => {
    const input = await parseRequest(request, { params: idPath(ctx.params, "token"), body: rotateInputSchema });
    if (!input.ok) return input.response;
    return outcomeResponse(await rotateToken(getDb(), actor, input.params.id, input.body.graceHours), (rotated) =>
      Response.json(rotated, { headers: { "cache-control": "no-store" } }),
    );
  });
}
