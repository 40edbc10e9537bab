import { getDb } from "@/lib/db";
import { asAdmin } from "@/lib/http/admin-route";
import { parseRequest } from "@/lib/http/parse-request";
import { outcomeResponse } from "@/lib/http/responses";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage";
import { webhookInputSchema } from "@/lib/webhooks/schemas";

export async function GET(request: Request) {
  return asAdmin(request, "read", async () =>
    Response.json(await listWebhooks(getDb()), { headers: { "cache-control": "no-store" } }),
  );
}

export async function POST(request: Request) {
  return asAdmin(request, "webhooks", async (actor) => {
    const input = await parseRequest(request, { body: webhookInputSchema });
    if (!input.ok) return input.response;
    return outcomeResponse(await createWebhook(getDb(), actor, input.body), (created) =>
      Response.json(created, { status: 201, headers: { "cache-control": "no-store" } }),
    );
  });
}
