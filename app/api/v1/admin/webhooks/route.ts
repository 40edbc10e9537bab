import { getDb } from "@/lib/db";
import { asAdmin, parseJsonBody } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";
import { webhookInputSchema } from "@/lib/webhooks/schemas";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage";

export async function GET(request: Request) {
  return asAdmin(request, async () =>
    Response.json(await listWebhooks(getDb()), { headers: { "cache-control": "no-store" } }),
  );
}

export async function POST(request: Request) {
  return asAdmin(request, async () => {
    const body = await parseJsonBody(request, webhookInputSchema);
    if (!body.ok) return body.response;
    return outcomeResponse(await createWebhook(getDb(), body.value), (created) =>
      Response.json(created, { status: 201, headers: { "cache-control": "no-store" } }),
    );
  });
}
