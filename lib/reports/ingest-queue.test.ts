import { describe, expect, it } from "vitest";
import {
  CommitTimeoutError,
  GroupCommitQueue,
  QueueStalledError,
  QueueClosedError,
  QueueFullError,
} from "./ingest-queue";

/** A flush that records its batches and waits until released, like a slow commit. */
function gatedFlush() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const flush = async (items: number[]) => {
    batches.push(items);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => gates.push(resolve));
    inFlight--;
    return items.map((i) => i * 10);
  };
  const releaseAll = async () => {
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { flush, batches, releaseAll, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("GroupCommitQueue", () => {
  it("writes items submitted in the same turn together and answers each with its own result", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, {
      maxBatch: 100,
      maxQueued: 1000,
      maxInFlight: 1,
      commitTimeoutMs: 10_000,
    });
    const results = Promise.all([1, 2, 3].map((i) => q.submit(i)));
    await tick();
    await g.releaseAll();
    expect(await results).toEqual([10, 20, 30]);
    expect(g.batches).toEqual([[1, 2, 3]]);
  });

  it("collects what arrives during a flush into the next one, in batches of at most maxBatch", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, { maxBatch: 4, maxQueued: 1000, maxInFlight: 1, commitTimeoutMs: 10_000 });
    const first = q.submit(0);
    await tick();
    const rest = Array.from({ length: 9 }, (_, i) => q.submit(i + 1));
    await tick();
    expect(g.batches).toEqual([[0]]);
    for (let i = 0; i < 4; i++) await g.releaseAll();
    expect(await Promise.all([first, ...rest])).toEqual(Array.from({ length: 10 }, (_, i) => i * 10));
    expect(g.batches).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
  });

  it("never runs more flushes at once than allowed", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, { maxBatch: 1, maxQueued: 1000, maxInFlight: 2, commitTimeoutMs: 10_000 });
    const all = Promise.all(Array.from({ length: 6 }, (_, i) => q.submit(i)));
    await tick();
    for (let i = 0; i < 6; i++) await g.releaseAll();
    await all;
    expect(g.maxInFlight()).toBe(2);
  });

  it("refuses new items when full instead of growing without bound", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, { maxBatch: 2, maxQueued: 3, maxInFlight: 1, commitTimeoutMs: 10_000 });
    const accepted = [q.submit(1), q.submit(2)];
    await tick(); // 1 and 2 are flushing; three more may wait
    accepted.push(q.submit(3), q.submit(4), q.submit(5));
    await expect(q.submit(6)).rejects.toBeInstanceOf(QueueFullError);
    expect(q.stats.rejectedFull).toBe(1);
    for (let i = 0; i < 3; i++) await g.releaseAll();
    expect(await Promise.all(accepted)).toEqual([10, 20, 30, 40, 50]);
  });

  it("fails every item of a batch whose write failed, and keeps serving", async () => {
    let fail = true;
    const q = new GroupCommitQueue(
      async (items: number[]) => {
        if (fail) throw new Error("database down");
        return items;
      },
      { maxBatch: 10, maxQueued: 100, maxInFlight: 1, commitTimeoutMs: 10_000 },
    );
    const failed = await Promise.allSettled([q.submit(1), q.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await q.submit(3)).toBe(3);
  });

  it("drains: everything accepted is written before drain resolves, then nothing is taken", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, { maxBatch: 2, maxQueued: 100, maxInFlight: 1, commitTimeoutMs: 10_000 });
    const accepted = [1, 2, 3, 4, 5].map((i) => q.submit(i));
    await tick();
    let drained = false;
    const drain = q.drain().then(() => (drained = true));
    await expect(q.submit(9)).rejects.toBeInstanceOf(QueueClosedError);
    await tick();
    expect(drained).toBe(false);
    for (let i = 0; i < 3; i++) await g.releaseAll();
    await drain;
    expect(await Promise.all(accepted)).toEqual([10, 20, 30, 40, 50]);
    expect(g.batches.flat()).toEqual([1, 2, 3, 4, 5]);
  });

  it("tells a batch the database never answered that it is unconfirmed, refuses new items at once, and recovers", async () => {
    const g = gatedFlush();
    const q = new GroupCommitQueue(g.flush, { maxBatch: 2, maxQueued: 100, maxInFlight: 1, commitTimeoutMs: 50 });
    const stuck = [q.submit(1), q.submit(2)].map((p) => p.catch((e: unknown) => e));
    await tick();
    const behind = q.submit(3).catch((e: unknown) => e); // queued behind the stuck batch
    const started = Date.now();
    for (const e of await Promise.all(stuck)) expect(e).toBeInstanceOf(CommitTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await behind).toBeInstanceOf(QueueStalledError);
    await expect(q.submit(4)).rejects.toBeInstanceOf(QueueStalledError);
    expect(q.stats.timedOut).toBe(2);
    // The database answers at last: the stuck batch settles (its callers were already told) and
    // new reports go through again.
    await g.releaseAll();
    await tick();
    const next = q.submit(5);
    await tick();
    await g.releaseAll();
    expect(await next).toBe(50);
  });
});
