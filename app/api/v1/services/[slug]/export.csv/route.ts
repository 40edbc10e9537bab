import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { getReadDb } from "@/lib/db";
import { parseRequest } from "@/lib/http/parse-request";
import { errorResponse } from "@/lib/http/responses";
import { EXPORT_MAX_DAYS, exportCounts } from "@/lib/services/api-views";
import { findService } from "@/lib/services/queries";
import { csvSafe } from "@/lib/text/csv-safe";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

const DAY = 86_400_000;
const day = z.iso.date("must be a day such as 2026-06-10").transform((d) => new Date(`${d}T00:00:00Z`));
// Checked only once both days parsed (zod runs object refinements even when a field failed).
const bothDays = (r: { from?: unknown; to?: unknown }): r is { from: Date; to: Date } =>
  r.from instanceof Date && r.to instanceof Date;
const rangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => !bothDays(r) || r.to >= r.from, { path: ["to"], message: "must not be before from" })
  .refine((r) => !bothDays(r) || (r.to.getTime() - r.from.getTime()) / DAY < EXPORT_MAX_DAYS, {
    path: ["to"],
    message: `must be within ${EXPORT_MAX_DAYS} days of from`,
  });

/** 15-minute counts per country as CSV, for spreadsheets and research. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/services/[slug]/export.csv">) {
  const { slug } = await ctx.params;
  const input = await parseRequest(request, { query: rangeSchema });
  if (!input.ok) return input.response;
  const db = getReadDb();
  const service = await findService(db, slug);
  if (!service) return errorResponse(404, "not_found", `unknown service "${slug}"`);
  const { from, to } = input.query;
  const list = await exportCounts(db, service.id, from, new Date(to.getTime() + DAY));
  const csv = stringify(
    list.map((r) => [r.bucketStart, r.country, r.reports, r.reporters]),
    { header: true, columns: ["bucket_start", "country", "reports", "reporters"], cast: { string: csvSafe } },
  );
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const name = `${service.slug}-${day(from)}-${day(to)}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": CACHE_CONTROL.history,
    },
  });
}
