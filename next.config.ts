import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads WASM and data files from its package folder; postgres.js is a plain Node client;
  // fontkit reads its own data files by URL (bundled, that URL is not one Node takes).
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "fontkit"],
  poweredByHeader: false,
  // Source maps for the browser's bundles only when asked (BROWSER_SOURCE_MAPS=1 npm run build), to
  // profile a page by module (scripts/profile-page.ts); visitors never download them.
  productionBrowserSourceMaps: process.env.BROWSER_SOURCE_MAPS === "1",
  // The Node front compresses every response (server/front/front.ts), including the page cache's copies.
  compress: false,
  experimental: {
    serverActions: { bodySizeLimit: "16kb" },
  },
};

// The service worker is bundled with esbuild, which must stay a plain Node package.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // Messages are parsed at build time: pages ship no ICU parser (10 KiB of every page's JavaScript),
    // and hydrating formats words without parsing them or resolving locales first (40 ms on a phone).
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

export default withSerwist(withNextIntl(nextConfig));
