import { PREFIX_PATTERN } from "../i18n/locales";

/** Where the site's service worker is served (app/serwist/[path]/route.ts bundles lib/pwa/service-worker.js). */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/** A service's status page in any language, the one kind of page kept for reading offline. */
export const STATUS_PAGE = new RegExp(`^${PREFIX_PATTERN}/status/[^/]+/?$`);
