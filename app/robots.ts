import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { publicUrl } from "@/lib/http/public-url";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    // The API and the exports are for programs (and documented in /api/v1/openapi.json), and the
    // moderator console for moderators: neither belongs in search results.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/admin"] },
    sitemap: `${publicUrl(await headers())}/sitemap.xml`,
  };
}
