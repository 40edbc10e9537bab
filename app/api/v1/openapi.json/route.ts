import { openApiDocument } from "@/lib/api/openapi";
import { publicUrl } from "@/lib/http/public-url";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** The API's description, generated from the zod schemas the code itself uses. */
export async function GET(request: Request) {
  return Response.json(openApiDocument(publicUrl(request)), { headers: { "cache-control": CACHE_CONTROL.reference } });
}
