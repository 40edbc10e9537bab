import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cachedRead } from "./read-cache";

const db = {} as Db;
const otherDb = {} as Db;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("cachedRead", () => {
  it("reads once per arguments within the interval, and separately per database", async () => {
    let calls = 0;
    const read = cachedRead(async (_db: Db, n: number) => ({ n, call: ++calls }), 1_000);
    const [a, b] = await Promise.all([read(db, 1), read(db, 1)]);
    expect(a).toEqual({ n: 1, call: 1 });
    expect(b).toBe(a);
    expect((await read(db, 2)).call).toBe(2);
    expect((await read(otherDb, 1)).call).toBe(3);
  });

  it("serves the stale value once while the next is computed, then the new one", async () => {
    let calls = 0;
    const read = cachedRead(async () => ++calls, 20);
    expect(await read(db)).toBe(1);
    await sleep(30);
    expect(await read(db)).toBe(1); // stale, refresh started
    await sleep(5);
    expect(await read(db)).toBe(2);
  });

  it("does not keep a failed read", async () => {
    let fail = true;
    const read = cachedRead(async () => {
      if (fail) throw new Error("down");
      return "ok";
    }, 1_000);
    await expect(read(db)).rejects.toThrow("down");
    fail = false;
    expect(await read(db)).toBe("ok");
  });
});
