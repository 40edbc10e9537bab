import { unsubscribe } from "@/lib/alerts/subscribe";
import { getDb } from "@/lib/db";
import { outcomeResponse } from "@/lib/http/responses";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST "List-Unsubscribe=One-Click" here from an
 * alert's List-Unsubscribe header. Answers 200 with a short text, as clients show nothing anyway.
 */
export async function POST(_request: Request, { params }: RouteContext<"/api/v1/subscriptions/[token]/unsubscribe">) {
  const { token } = await params;
  return outcomeResponse(
    await unsubscribe(getDb(), token),
    () =>
      new Response("Unsubscribed: no more alerts will be sent.\n", {
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      }),
  );
}
