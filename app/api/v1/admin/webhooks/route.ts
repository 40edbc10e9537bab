import { getDb } from "@/db/client";
import { asAdmin, parseJsonBody } from "@/lib/http/admin-route";
import { errorResponse } from "@/lib/http/responses";
import { webhookInputSchema } from "@/lib/webhooks/input";
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
    const created = await createWebhook(getDb(), body.value);
    if (!created.ok) return errorResponse(400, "invalid_input", created.message);
    return Response.json(created.value, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
