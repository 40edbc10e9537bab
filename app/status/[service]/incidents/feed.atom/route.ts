import { getReadDb } from "@/lib/db";
import { incidentsAtom } from "@/lib/feeds/atom";
import { ATOM_HEADERS } from "@/lib/feeds/headers";
import { errorResponse } from "@/lib/http/responses";
import { publicUrl } from "@/lib/http/public-url";
import { incidentsWithTimelines } from "@/lib/incidents/queries";
import { findService } from "@/lib/services/queries";

/** Atom feed of one service's incidents. */
export async function GET(request: Request, ctx: RouteContext<"/status/[service]/incidents/feed.atom">) {
  const db = getReadDb();
  const service = await findService(db, (await ctx.params).service);
  if (!service) return errorResponse(404, "not_found", "unknown service");
  const base = publicUrl(request);
  const items = await incidentsWithTimelines(db, { service: service.slug });
  const xml = incidentsAtom(
    {
      title: `Outage Radar: ${service.name} incidents`,
      selfUrl: `${base}/status/${service.slug}/incidents/feed.atom`,
      pageUrl: `${base}/status/${service.slug}/incidents`,
      publicUrl: base,
    },
    items,
  );
  return new Response(xml, { headers: ATOM_HEADERS });
}
