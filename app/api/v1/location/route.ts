import { config } from "@/lib/config";
import type { z } from "zod";
import { regionFromHeaders } from "@/lib/regions/from-request";
import type { locationGuessSchema } from "@/lib/regions/schemas";

/**
 * Where we think the visitor is, for the report form's first guess: from the address (looked up by
 * the front), else the edge's country header, else the browser's language. Private: never cached.
 */
export async function GET(request: Request) {
  const guess = regionFromHeaders(request.headers, config().REGION_HEADERS);
  const body: z.infer<typeof locationGuessSchema> = {
    country: guess?.country ?? null,
    subdivision: guess?.subdivision ?? null,
  };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
