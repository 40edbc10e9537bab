import { getDb, getReadDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { findService } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/**
 * The live part of a service page. Pages poll it, and fetch it as `?tick=…` when a detector tick
 * announced a change: that fetch must see the tick's commit, which a replica may not have replayed
 * yet, so it reads the primary (the page cache and nginx make it one read per tick, not per tab).
 */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/services/[slug]/snapshot">): Promise<Response> {
  const { slug } = await ctx.params;
  const db = new URL(request.url).searchParams.has("tick") ? getDb() : getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(await serviceSnapshot(db, service), { headers: { "cache-control": CACHE_CONTROL.live } });
}
