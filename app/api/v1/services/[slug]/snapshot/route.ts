import { getReadDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { findService } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** The live part of a service page; the page polls it. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/services/[slug]/snapshot">): Promise<Response> {
  const { slug } = await ctx.params;
  const db = getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(await serviceSnapshot(db, service), { headers: { "cache-control": CACHE_CONTROL.live } });
}
