import { makeBadge } from "badge-maker";
import { getReadDb } from "@/lib/db";
import type { StatusLevel } from "@/lib/catalog/constants";
import { errorResponse } from "@/lib/http/responses";
import { currentLevel, reportableService } from "@/lib/reports/service-cache";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

// Words carry the status; the colour only repeats it.
const LOOK: Record<StatusLevel, { message: string; color: string }> = {
  ok: { message: "no problems", color: "#2e7d32" },
  possible: { message: "possible problems", color: "#b26a00" },
  outage: { message: "outage", color: "#c62828" },
};

/** A shields-style SVG status badge for READMEs and dashboards, at most a minute old. */
export async function GET(_request: Request, ctx: RouteContext<"/status/[service]/badge.svg">) {
  const db = getReadDb();
  // Badges are embedded everywhere: served from the per-instance catalog and status caches.
  const service = await reportableService(db, (await ctx.params).service);
  if (!service) return errorResponse(404, "not_found", "unknown service");
  const status = await currentLevel(db, service.id);
  const svg = makeBadge({ label: service.name, message: LOOK[status].message, color: LOOK[status].color });
  return new Response(svg, {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": CACHE_CONTROL.live },
  });
}
