import { describe, expect, it } from "vitest";
import { CACHE_CONTROL, pageCacheControl } from "./cache-control";

describe("page cache policies", () => {
  it("keeps what is down now for seconds and what happened for a minute", () => {
    for (const path of ["/", "/status/tiktok", "/status/tiktok/map", "/map/DE", "/compare"])
      expect(pageCacheControl(path)).toBe(CACHE_CONTROL.live);
    for (const path of ["/incidents", "/incidents/42", "/status/tiktok/incidents", "/about"])
      expect(pageCacheControl(path)).toBe(CACHE_CONTROL.history);
    expect(pageCacheControl("/incidentsx")).toBe(CACHE_CONTROL.live);
  });

  it("lets shared caches serve a stale copy while they fetch a fresh one", () => {
    for (const policy of Object.values(CACHE_CONTROL)) {
      expect(policy).toMatch(/^public, /);
      expect(policy).toMatch(/stale-while-revalidate=\d+/);
    }
    expect(CACHE_CONTROL.live).toMatch(/s-maxage=5\b/);
  });
});
