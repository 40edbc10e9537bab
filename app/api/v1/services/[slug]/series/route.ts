import { getReadDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { BUCKET_MINUTES, serviceSeries } from "@/lib/services/snapshot";
import { findService } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/services/[slug]/series">) {
  const { slug } = await ctx.params;
  const db = getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  const series = await serviceSeries(db, service);
  return Response.json(
    { slug, bucketMinutes: BUCKET_MINUTES, series },
    { headers: { "cache-control": CACHE_CONTROL.live } },
  );
}
