import { confirmInputSchema } from "@/lib/alerts/schemas";
import { confirmSubscription } from "@/lib/alerts/subscribe";
import { getDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { publicUrl } from "@/lib/http/public-url";
import { outcomeResponse } from "@/lib/http/responses";

/** Confirms an e-mail subscription with its link's token, as the confirmation page's button does. */
export async function POST(request: Request) {
  const input = await parseRequest(request, { body: confirmInputSchema });
  if (!input.ok) return input.response;
  const outcome = await confirmSubscription(getDb(), input.body.token, { origin: publicUrl(request), now: new Date() });
  return outcomeResponse(outcome, ({ manageUrl }) =>
    Response.json({ manageUrl }, { status: 201, headers: { "cache-control": "no-store" } }),
  );
}
