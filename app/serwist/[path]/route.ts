import { createSerwistRoute } from "@serwist/turbopack";

// The service worker, bundled from lib/pwa/service-worker.js when the site is built and served at
// /serwist/sw.js (with Service-Worker-Allowed: / so it may control every page).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/pwa/service-worker.js",
  useNativeEsbuild: true,
  // Nothing is precached: a visitor keeps what they have looked at, not the whole site.
  globPatterns: [],
});
