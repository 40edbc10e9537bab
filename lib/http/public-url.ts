import "server-only";
import { config } from "@/lib/config";

/** The site's public origin: PUBLIC_URL when configured, else the origin the request came to. */
export function publicUrl(request?: Request): string {
  const configured = config().PUBLIC_URL;
  if (configured) return configured;
  if (request) return new URL(request.url).origin;
  return `http://localhost:${config().PORT}`;
}
