import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";
import { incidentRegions } from "@/lib/incidents/queries";
import { worldGeometry } from "@/lib/regions/geometry";
import { framedOn, shareBand } from "@/lib/regions/share";
import { choroplethSvg, viewBoxAround } from "@/lib/regions/svg";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** An incident's small map: its countries shaded by their share of the reports, zoomed to them. */
export async function GET(_request: Request, ctx: RouteContext<"/incidents/[id]/map.svg">): Promise<Response> {
  const id = pathId((await ctx.params).id);
  const where = id === undefined ? undefined : await incidentRegions(getReadDb(), id);
  if (!where) return errorResponse(404, "not_found", "no such incident");
  const band = new Map(where.topRegions.map((r) => [r.code, shareBand(r.reporters, where.regionTotal)]));
  const geometry = worldGeometry();
  return new Response(
    choroplethSvg(
      geometry,
      (code) => band.get(code) ?? "share-none",
      viewBoxAround(geometry, framedOn(where.topRegions, where.regionTotal)),
    ),
    { headers: { "content-type": "image/svg+xml", "cache-control": CACHE_CONTROL.history } },
  );
}
