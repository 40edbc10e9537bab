import { getReadDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { serviceStatusView } from "@/lib/services/api-views";
import { findService } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/services/[slug]">) {
  const { slug } = await ctx.params;
  const db = getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(await serviceStatusView(db, service), { headers: { "cache-control": CACHE_CONTROL.live } });
}
