import { issueToken, listTokens, tokenInputSchema } from "@/lib/admin/tokens";
import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { outcomeResponse } from "@/lib/http/responses";

/** Every token that still works (never their secrets). */
export async function GET(request: Request) {
  return asAdmin(request, "tokens", async () =>
    Response.json(await listTokens(getDb()), { headers: { "cache-control": "no-store" } }),
  );
}

/** Issues a named token; the answer holds its secret, which is never shown again. */
export async function POST(request: Request) {
  return asAdmin(request, "tokens", async (actor) => {
    const input = await parseRequest(request, { body: tokenInputSchema });
    if (!input.ok) return input.response;
    return outcomeResponse(await issueToken(getDb(), actor, input.body), (issued) =>
      Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } }),
    );
  });
}
