import { z } from "zod";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/responses";
import { recentReportTexts } from "@/lib/services/api-views";
import { findService } from "@/lib/services/queries";

const limitSchema = z.coerce.number().int().min(1).max(100);

export async function GET(request: Request, ctx: RouteContext<"/api/v1/services/[slug]/reports">) {
  const { slug } = await ctx.params;
  const raw = new URL(request.url).searchParams.get("limit");
  const limit = raw === null ? { success: true as const, data: 20 } : limitSchema.safeParse(raw);
  if (!limit.success) {
    return errorResponse(400, "invalid_input", "limit: must be a whole number from 1 to 100", [
      { field: "limit", message: "must be a whole number from 1 to 100" },
    ]);
  }
  const db = getDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(await recentReportTexts(db, service.id, { limit: limit.data }), {
    headers: { "cache-control": "public, max-age=10" },
  });
}
