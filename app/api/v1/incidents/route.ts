import { getDb } from "@/lib/db";
import { incidentQuery } from "@/lib/incidents/filter";
import { listIncidents } from "@/lib/incidents/queries";

const PAGE_SIZE = 20;

export async function GET(request: Request) {
  const { filter, page } = incidentQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { items, total } = await listIncidents(getDb(), filter, page, PAGE_SIZE);
  return Response.json(
    { items, total, page, pageSize: PAGE_SIZE },
    { headers: { "cache-control": "public, max-age=30" } },
  );
}
