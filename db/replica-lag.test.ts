import { describe, expect, it } from "vitest";
import { parseLsn, ReplicaLag } from "./replica-lag";

describe("parseLsn", () => {
  it("reads Postgres's hi/lo hex form into one ordered number", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn("1/0") > parseLsn("0/FFFFFFFF")).toBe(true);
  });

  it("refuses anything else", () => {
    expect(() => parseLsn("16B374D848")).toThrow(/not a WAL position/);
    expect(() => parseLsn("")).toThrow(/not a WAL position/);
  });
});

describe("ReplicaLag", () => {
  it("knows nothing before the primary's first position", () => {
    expect(new ReplicaLag(10_000).stalenessMs(5n, 1_000)).toBeNull();
  });

  it("a replica that has replayed the newest position is as old as that reading", () => {
    const lag = new ReplicaLag(10_000);
    lag.notePrimary(100n, 1_000);
    lag.notePrimary(200n, 2_000);
    expect(lag.stalenessMs(200n, 2_300)).toBe(300);
    expect(lag.stalenessMs(250n, 2_300)).toBe(300);
  });

  it("a replica behind is as old as the newest position it has replayed", () => {
    const lag = new ReplicaLag(10_000);
    for (let t = 0; t <= 5_000; t += 1_000) lag.notePrimary(BigInt(t), t);
    expect(lag.stalenessMs(2_500n, 5_000)).toBe(3_000);
    expect(lag.stalenessMs(0n, 5_000)).toBe(5_000);
  });

  it("an idle primary (the same position on every reading) is never lag", () => {
    const lag = new ReplicaLag(10_000);
    for (let t = 0; t <= 60_000; t += 1_000) lag.notePrimary(700n, t);
    expect(lag.stalenessMs(700n, 60_000)).toBe(0);
  });

  it("behind every remembered position reads as at least the memory's length", () => {
    const lag = new ReplicaLag(3_000);
    for (let t = 0; t <= 20_000; t += 1_000) lag.notePrimary(BigInt(t + 1), t);
    expect(lag.stalenessMs(0n, 20_000)).toBeGreaterThanOrEqual(3_000);
  });
});
