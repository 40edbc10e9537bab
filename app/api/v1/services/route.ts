import { getReadDb } from "@/lib/db";
import { cachedServicesOverview } from "@/lib/services/queries";

export async function GET(): Promise<Response> {
  const list = await cachedServicesOverview(getReadDb());
  return Response.json(
    list.map((s) => ({ slug: s.slug, name: s.name, category: s.category, symptoms: s.symptoms, status: s.status })),
    { headers: { "cache-control": "public, max-age=10" } },
  );
}
