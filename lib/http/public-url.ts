import "server-only";
import { config } from "@/lib/config";

/**
 * The site's public origin: PUBLIC_URL when configured, else the host the visitor asked for. (Next's
 * request.url carries the address the server listens on, e.g. 0.0.0.0, which no visitor can use.)
 */
export function publicUrl(request?: Request): string {
  const configured = config().PUBLIC_URL;
  if (configured) return configured;
  if (request) {
    const url = new URL(request.url);
    const host = request.headers.get("host");
    return host ? `${url.protocol}//${host}` : url.origin;
  }
  return `http://localhost:${config().PORT}`;
}
