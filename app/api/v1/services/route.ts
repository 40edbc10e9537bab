import { getReadDb } from "@/lib/db";
import { cachedServicesOverview } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

export async function GET(): Promise<Response> {
  const list = await cachedServicesOverview(getReadDb());
  return Response.json(
    list.map((s) => ({ slug: s.slug, name: s.name, category: s.category, symptoms: s.symptoms, status: s.status })),
    { headers: { "cache-control": CACHE_CONTROL.live } },
  );
}
