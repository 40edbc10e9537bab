import "server-only";
import { config } from "@/lib/config";

/**
 * The site's public origin: PUBLIC_URL when configured, else the host the visitor asked for. (Next's
 * request.url carries the address the server listens on, e.g. 0.0.0.0, which no visitor can use.)
 */
export function publicUrl(from?: Request | Headers): string {
  const configured = config().PUBLIC_URL;
  if (configured) return configured;
  if (from && "url" in from) {
    const url = new URL(from.url);
    const host = from.headers.get("host");
    return host ? `${url.protocol}//${host}` : url.origin;
  }
  // Page metadata (sitemap, robots) sees only headers; behind TLS, PUBLIC_URL says https.
  const host = from?.get("host");
  if (host) return `http://${host}`;
  return `http://localhost:${config().PORT}`;
}
