import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { PostgresPeerCounts } from "./peer-counts";
import { SlidingWindowLimit } from "./sliding-window";

const SECRET = "peer-counts-test-secret-0123456789abcdef";

describe.each(testTargets())("rate limits shared through the database on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  /** Two instances' limits over one database; `sync` shares their counts as their timers would. */
  function twoInstances(limiter: string, limit: number) {
    const peers = [0, 1].map(() => new PostgresPeerCounts(t.handle.db, limiter, 60_000, SECRET));
    const limits = peers.map((p) => new SlidingWindowLimit(limit, 60_000, p));
    return { limits, sync: () => Promise.all(peers.map((p) => p.sync())) };
  }

  it("holds a limit as one when a sender alternates between instances", async () => {
    const { limits, sync } = twoInstances("test-alternating", 5);
    const now = Date.now();
    const allowed: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      allowed.push(limits[i % 2]!.hit("198.51.100.7", now).ok);
      await sync();
      await sync(); // the second read sees what the other wrote in the first
    }
    expect(allowed.filter(Boolean)).toHaveLength(5);
    expect(allowed.slice(5)).toEqual([false, false, false, false, false]);
    // Another sender is not held back by the first one's count.
    expect(limits[1]!.hit("198.51.100.8", now).ok).toBe(true);
  });

  it("writes nothing for a crowd that sends once each, and only keyed hashes for repeat senders", async () => {
    const { limits, sync } = twoInstances("test-crowd", 5);
    const now = Date.now();
    for (let i = 0; i < 50; i++) limits[i % 2]!.hit(`203.0.113.${i}`, now);
    await sync();
    const crowd = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from limit_hits where limiter = 'test-crowd'`,
    );
    expect(crowd[0]!.n).toBe(0);
    limits[1]!.hit("203.0.113.7", now); // its second hit on that instance
    await sync();
    const stored = await rows<{ key: string; hits: number }>(
      t.handle.db,
      sql`select key::text as key, hits from limit_hits where limiter = 'test-crowd'`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hits).toBe(2);
    expect(stored[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored[0]!.key).not.toContain("203");
  });

  it("keeps limiting on its own count when the database cannot be reached", async () => {
    const gone = createDb({ dataDir: "memory://" });
    await gone.close();
    const broken = new PostgresPeerCounts(gone.db, "test-broken", 60_000, SECRET);
    const limit = new SlidingWindowLimit(2, 60_000, broken);
    const now = Date.now();
    expect([1, 2, 3].map(() => limit.hit("192.0.2.1", now).ok)).toEqual([true, true, false]);
    await broken.sync();
    expect(limit.hit("192.0.2.1", now).ok).toBe(false);
    expect(limit.hit("192.0.2.2", now).ok).toBe(true);
  });
});
