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
    // Test databases are thrown away; a fixed key keeps tests from writing one into .data/.
    env: { WEBHOOK_SECRET_KEY: "1".repeat(64) },
    hookTimeout: 60_000,
  },
});
