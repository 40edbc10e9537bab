import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads WASM and data files from its package folder; postgres.js is a plain Node client;
  // fontkit reads its own data files by URL (bundled, that URL is not one Node takes).
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "fontkit"],
  poweredByHeader: false,
  // The Node front compresses every response (server/front/front.ts), including the page cache's copies.
  compress: false,
  experimental: {
    serverActions: { bodySizeLimit: "16kb" },
  },
};

// The service worker is bundled with esbuild, which must stay a plain Node package.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withSerwist(withNextIntl(nextConfig));
