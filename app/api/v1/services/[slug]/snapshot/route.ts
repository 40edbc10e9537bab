import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/http/responses";
import { cachedServiceSnapshot } from "@/lib/queries/service-snapshot";

/** The live part of a service page; every open tab polls it, so it may be a couple of seconds old. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/services/[slug]/snapshot">): Promise<Response> {
  const { slug } = await ctx.params;
  const snapshot = await cachedServiceSnapshot(getDb(), slug);
  if (!snapshot) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
}
