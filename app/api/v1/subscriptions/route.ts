import { sendContext } from "@/lib/alerts/context";
import { subscriptionRequestSchema } from "@/lib/alerts/schemas";
import { requestSubscription } from "@/lib/alerts/subscribe";
import { getDb } from "@/lib/db";
import { requestSource } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { publicUrl } from "@/lib/http/public-url";
import { outcomeResponse } from "@/lib/http/responses";

/** Subscribe to alerts: e-mail answers 202 once the confirmation is sent; chat and push 201 once their test message went through. */
export async function POST(request: Request) {
  const input = await parseRequest(request, { body: subscriptionRequestSchema });
  if (!input.ok) return input.response;
  const db = getDb();
  const outcome = await requestSubscription(db, input.body, {
    ...sendContext(db, publicUrl(request)),
    source: requestSource(request.headers),
  });
  return outcomeResponse(outcome, (accepted) =>
    Response.json(accepted, {
      status: accepted.status === "confirmation_sent" ? 202 : 201,
      headers: { "cache-control": "no-store" },
    }),
  );
}
