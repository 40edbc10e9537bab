import { z } from "zod";
import { getReadDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { errorResponse } from "@/lib/http/responses";
import { recentReportTexts } from "@/lib/services/api-views";
import { findService } from "@/lib/services/queries";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

const querySchema = z.object({
  limit: z.coerce
    .number("must be a whole number from 1 to 100")
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(20),
});

export async function GET(request: Request, ctx: RouteContext<"/api/v1/services/[slug]/reports">) {
  const input = await parseRequest(request, { query: querySchema });
  if (!input.ok) return input.response;
  const { slug } = await ctx.params;
  const db = getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(await recentReportTexts(db, service.id, { limit: input.query.limit }), {
    headers: { "cache-control": CACHE_CONTROL.live },
  });
}
