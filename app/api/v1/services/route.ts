import { getDb } from "@/db/client";
import { servicesOverview } from "@/lib/queries/services";

export async function GET(): Promise<Response> {
  const list = await servicesOverview(getDb());
  return Response.json(
    list.map((s) => ({ slug: s.slug, name: s.name, category: s.category, symptoms: s.symptoms, status: s.status })),
    { headers: { "cache-control": "public, max-age=10" } },
  );
}
