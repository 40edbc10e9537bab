import { getReadDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { cachedRegionActivity } from "@/lib/regions/map-data";
import { findService } from "@/lib/services/queries";
import { worldGeometry } from "@/lib/regions/geometry";
import { choroplethSvg } from "@/lib/regions/svg";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** The service page's small map of the last hour, as an image: a picture there, the full map is a click away. */
export async function GET(
  _request: Request,
  ctx: RouteContext<"/status/[service]/map-preview.svg">,
): Promise<Response> {
  const db = getReadDb();
  const service = await findService(db, (await ctx.params).service);
  if (!service) return errorResponse(404, "not_found", "unknown service");
  const rows = await cachedRegionActivity(db, { serviceId: service.id, country: null }, 60);
  const band = new Map(rows.map((r) => [r.code, r.band]));
  return new Response(
    choroplethSvg(worldGeometry(), (code) => band.get(code) ?? "too-few"),
    {
      headers: { "content-type": "image/svg+xml", "cache-control": CACHE_CONTROL.live },
    },
  );
}
