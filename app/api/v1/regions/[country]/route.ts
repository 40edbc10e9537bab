import { errorResponse } from "@/lib/http/responses";
import { isCountry, subdivisionsOf } from "@/lib/regions/regions";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** ISO 3166-2 subdivisions of a country, for the report form's region picker. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/regions/[country]">): Promise<Response> {
  const code = (await ctx.params).country.toUpperCase();
  if (!isCountry(code)) return errorResponse(404, "not_found", `unknown country "${code}"`);
  return Response.json(
    subdivisionsOf(code).map((s) => ({ code: s.code, name: s.name })),
    { headers: { "cache-control": CACHE_CONTROL.reference } },
  );
}
