import { getDb } from "@/lib/db";
import { asAdminOn } from "@/lib/http/admin-route";
import { outcomeResponse } from "@/lib/http/responses";
import { sendTestDelivery } from "@/lib/webhooks/manage";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/admin/webhooks/[id]/test">) {
  return asAdminOn(request, ctx.params, "webhook", async (id) =>
    outcomeResponse(await sendTestDelivery(getDb(), id), (sent) => Response.json(sent, { status: 202 })),
  );
}
