import { getReadDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { incidentFilterOf, incidentQuerySchema } from "@/lib/incidents/filter";
import { listIncidents } from "@/lib/incidents/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

const PAGE_SIZE = 20;

/** Incidents, newest first; like the incident pages, a filter value that does not parse is ignored. */
export async function GET(request: Request) {
  const input = await parseRequest(request, { query: incidentQuerySchema });
  if (!input.ok) return input.response;
  const { filter, page } = incidentFilterOf(input.query);
  const { items, total } = await listIncidents(getReadDb(), filter, page, PAGE_SIZE);
  return Response.json(
    { items, total, page, pageSize: PAGE_SIZE },
    { headers: { "cache-control": CACHE_CONTROL.history } },
  );
}
