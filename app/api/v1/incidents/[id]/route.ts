import { getReadDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { idPath } from "@/lib/http/path-id";
import { errorResponse } from "@/lib/http/responses";
import { incidentDetail } from "@/lib/incidents/queries";
import { incidentDetailSchema } from "@/lib/incidents/schemas";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

export async function GET(request: Request, ctx: RouteContext<"/api/v1/incidents/[id]">) {
  const input = await parseRequest(request, { params: idPath(ctx.params, "incident") });
  if (!input.ok) return input.response;
  const { id } = input.params;
  const detail = await incidentDetail(getReadDb(), id);
  if (!detail) return errorResponse(404, "not_found", `incident ${id} does not exist`);
  if (detail.mergedInto !== null) {
    return new Response(null, {
      status: 308,
      headers: { location: new URL(`/api/v1/incidents/${detail.mergedInto}`, request.url).toString() },
    });
  }
  // Parsing strips what the document does not promise (the catalog's symptom list, the merge pointer).
  return Response.json(incidentDetailSchema.parse(detail), { headers: { "cache-control": CACHE_CONTROL.history } });
}
