import { getDb } from "@/db/client";
import { incidentQuery } from "@/lib/queries/incident-filter";
import { listIncidents } from "@/lib/queries/incidents";

const PAGE_SIZE = 20;

export async function GET(request: Request) {
  const { filter, page } = incidentQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { items, total } = await listIncidents(getDb(), filter, page, PAGE_SIZE);
  return Response.json(
    { items, total, page, pageSize: PAGE_SIZE },
    { headers: { "cache-control": "public, max-age=30" } },
  );
}
