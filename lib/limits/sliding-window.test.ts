import { describe, expect, it } from "vitest";
import { SlidingWindowLimit } from "./sliding-window";

const MINUTE_EDGE = 960_000_000_000; // a whole number of minutes since the epoch

describe("SlidingWindowLimit", () => {
  it("lets `limit` hits through per key, then says how long to wait", () => {
    const limit = new SlidingWindowLimit(3, 60_000);
    const t = MINUTE_EDGE + 20_000; // 20 s into a minute
    expect([1, 2, 3].map(() => limit.hit("a", t).ok)).toEqual([true, true, true]);
    const refused = limit.hit("a", t);
    expect(refused.ok).toBe(false);
    // The window ends in 40 s; then a third of this one must slide out of the next: 20 s more.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limit.hit("b", t).ok).toBe(true);
  });

  it("a refused hit does not count, and the wait it names is enough", () => {
    const limit = new SlidingWindowLimit(3, 60_000);
    const t = MINUTE_EDGE + 20_000;
    for (let i = 0; i < 3; i++) limit.hit("a", t);
    for (let i = 0; i < 10; i++) limit.hit("a", t);
    const r = limit.hit("a", t);
    if (r.ok) throw new Error("should be refused");
    expect(limit.hit("a", t + (r.retryAfterSeconds - 2) * 1000).ok).toBe(false);
    expect(limit.hit("a", t + r.retryAfterSeconds * 1000).ok).toBe(true);
  });

  it("weighs the previous window by how much of it still overlaps", () => {
    const limit = new SlidingWindowLimit(10, 60_000);
    const start = MINUTE_EDGE;
    for (let i = 0; i < 10; i++) expect(limit.hit("a", start + 50_000).ok).toBe(true);
    // 15 s into the next window, 3/4 of the previous ten still count: 7.5, so two more fit.
    const next = start + 60_000 + 15_000;
    expect(limit.hit("a", next).ok).toBe(true);
    expect(limit.hit("a", next).ok).toBe(true);
    const r = limit.hit("a", next);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.retryAfterSeconds).toBe(3); // 0.5 of ten must slide out: 3 s
    // Two windows later nothing of it is left.
    expect(limit.hit("a", start + 180_000).ok).toBe(true);
  });
});
