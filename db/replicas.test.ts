import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, rows } from "./client";
import { ReplicaReads, replicaName } from "./replicas";
import { testTargets, type TestDb } from "@/test/db";

// A streaming replica's lag is measured in `npm run test:stack` (deploy/stack), on a real one.
describe.each(testTargets())("replica reads ($name)", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("reads go to the primary while no replica answers, and the figures say why", async () => {
    const gone = createDb({ dataDir: "memory://" });
    await gone.close();
    const reads = new ReplicaReads(t.handle, [{ name: "gone", handle: gone }], 5_000);
    await reads.start();
    expect(reads.db()).toBe(t.handle.db);
    expect(reads.db()).toBe(t.handle.db);
    const stats = reads.stats();
    expect(stats.reads).toEqual({ replica: 0, primary: 2 });
    expect(stats.replicas).toEqual([
      { name: "gone", serving: false, lagMs: null, reason: expect.stringMatching(/^not answering/) },
    ]);
    await reads.close();
  });

  it("a server that has everything the primary has serves the reads, taking turns", async () => {
    // The primary itself, behind a handle whose closing leaves the test's database open.
    const same = { name: "same", handle: { ...t.handle, close: async () => {} } };
    const gone = createDb({ dataDir: "memory://" });
    await gone.close();
    const reads = new ReplicaReads(t.handle, [same, { name: "gone", handle: gone }, same], 5_000);
    await reads.start();
    const db = reads.db();
    expect(db).toBe(t.handle.db);
    expect(await rows<{ one: number }>(db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    reads.db();
    const stats = reads.stats();
    expect(stats.reads).toEqual({ replica: 2, primary: 0 });
    expect(stats.replicas.map((r) => [r.name, r.serving])).toEqual([
      ["same", true],
      ["gone", false],
      ["same", true],
    ]);
    expect(stats.replicas[0]!.lagMs).toBeLessThan(1_000);
    await reads.close();
  });
});

describe("replicaName", () => {
  it("names where a replica is, never its credentials", () => {
    expect(replicaName("postgres://reader:s3cret@10.0.0.7:5433/outage")).toBe("10.0.0.7:5433/outage");
    expect(replicaName("postgresql://db.internal/outage")).toBe("db.internal:5432/outage");
  });
});
