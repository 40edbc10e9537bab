import { getReadDb } from "@/lib/db";
import { incidentsAtom } from "@/lib/feeds/atom";
import { ATOM_HEADERS } from "@/lib/feeds/headers";
import { publicUrl } from "@/lib/http/public-url";
import { incidentsWithTimelines } from "@/lib/incidents/queries";

/** Atom feed of the newest incidents across all services. */
export async function GET(request: Request): Promise<Response> {
  const base = publicUrl(request);
  const items = await incidentsWithTimelines(getReadDb(), {});
  const xml = incidentsAtom(
    {
      title: "Outage Radar: incidents",
      selfUrl: `${base}/incidents/feed.atom`,
      pageUrl: `${base}/incidents`,
      publicUrl: base,
    },
    items,
  );
  return new Response(xml, { headers: ATOM_HEADERS });
}
