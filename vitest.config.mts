import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` is a marker for Next's bundler; under Vitest the code runs on the server anyway.
      "server-only": path.resolve(import.meta.dirname, "lib/server-only-noop.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{lib,db,app,components,bench,server,test,scripts}/**/*.test.ts"],
    testTimeout: 30_000,
    // Test databases are thrown away; fixed keys keep tests from writing them into .data/.
    env: { WEBHOOK_SECRET_KEY: "1".repeat(64), REPORTER_SECRET: "1".repeat(64) },
    hookTimeout: 60_000,
  },
});
