import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads WASM and data files from its package folder; postgres.js is a plain Node client.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "16kb" },
  },
};

export default nextConfig;
