import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { publicUrl } from "@/lib/http/public-url";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    // The API and the exports are for programs (and documented in /api/v1/openapi.json), not for search results.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/"] },
    sitemap: `${publicUrl(await headers())}/sitemap.xml`,
  };
}
