/**
 * How long browsers and shared caches (nginx, a CDN) may keep a public answer, one policy per kind
 * of page, so a flood of visitors is served by the cache: each cache asks the app about once per
 * `s-maxage` per address, and in between serves its copy, past it while a fresh one is fetched
 * (`stale-while-revalidate`). Browsers ask again every time (`max-age=0`): a visitor never sees
 * an old copy of their own after a change, such as a moderator hiding a comment. Build assets
 * (`/_next/static`) are kept forever by Next.js itself.
 */
export const CACHE_CONTROL = {
  /** What is down right now: status pages, the home page, maps, their JSON; seconds in a shared cache. */
  live: "public, max-age=0, s-maxage=5, stale-while-revalidate=30",
  /** What happened: incident pages and lists, feeds, exports; a minute in a shared cache. */
  history: "public, max-age=0, s-maxage=60, stale-while-revalidate=600",
  /** What changes with a release: region lists, the API's description. */
  reference: "public, max-age=86400, stale-while-revalidate=604800",
} as const;

const HISTORY_PAGES = /^\/(incidents(\/|$)|status\/[^/]+\/incidents(\/|$)|about$)/;

/** The policy for an HTML page (or its RSC payload) that is the same for every visitor. */
export function pageCacheControl(path: string): string {
  return HISTORY_PAGES.test(path) ? CACHE_CONTROL.history : CACHE_CONTROL.live;
}
