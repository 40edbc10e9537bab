/** Where the site's service worker is served (app/serwist/[path]/route.ts bundles lib/pwa/service-worker.js). */
export const SERVICE_WORKER_URL = "/serwist/sw.js";
