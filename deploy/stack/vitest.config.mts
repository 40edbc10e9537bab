import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

// `npm run test:stack`: the deployed topology (deploy/stack) driven end to end. Needs Debian's nginx
// and the Postgres server binaries; run after `npm run build` (or the first instance builds).
export default defineConfig({
  root,
  resolve: {
    alias: { "@": root, "server-only": path.resolve(root, "lib/server-only-noop.ts") },
  },
  test: {
    environment: "node",
    include: ["deploy/stack/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 400_000,
  },
});
