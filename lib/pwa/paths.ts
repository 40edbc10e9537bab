/** Where the site's service worker is served (app/serwist/[path]/route.ts bundles lib/pwa/service-worker.js). */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/** A service's status page, the one kind of page kept for reading offline. */
export const STATUS_PAGE = /^\/status\/[^/]+\/?$/;
