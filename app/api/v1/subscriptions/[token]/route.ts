import { z } from "zod";
import { unsubscribe } from "@/lib/alerts/subscribe";
import { subscriptionView } from "@/lib/alerts/view";
import { getDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { errorResponse, outcomeResponse } from "@/lib/http/responses";

const params = z.object({ token: z.string().max(64) });

/** The subscription behind a manage link, with its newest deliveries. */
export async function GET(request: Request, { params: value }: RouteContext<"/api/v1/subscriptions/[token]">) {
  const input = await parseRequest(request, { params: { value, schema: params, what: "subscription" } });
  if (!input.ok) return input.response;
  const view = await subscriptionView(getDb(), input.params.token);
  if (!view) return errorResponse(404, "not_found", "this subscription does not exist (it may have been removed)");
  return Response.json(view, { headers: { "cache-control": "no-store" } });
}

/** Unsubscribes and forgets the subscription with everything tied to it. */
export async function DELETE(request: Request, { params: value }: RouteContext<"/api/v1/subscriptions/[token]">) {
  const input = await parseRequest(request, { params: { value, schema: params, what: "subscription" } });
  if (!input.ok) return input.response;
  return outcomeResponse(await unsubscribe(getDb(), input.params.token));
}
