import { describe, expect, it } from "vitest";
import { idempotencyHash, identify, type SaltOfDay } from "./identity";
import { testSalts } from "@/test/traffic";
import { clientAddress, limitKeys, networkBlock } from "./client-ip";

const SALTS = testSalts("s");
const day1 = new Date("2026-05-01T10:00:00Z");
const day1later = new Date("2026-05-01T23:59:00Z");
const day2 = new Date("2026-05-02T00:01:00Z");

describe("reporter identity", () => {
  it("is stable within a day and never contains the address", () => {
    const a = identify(SALTS, "203.0.113.9", "UA", 1, day1);
    expect(identify(SALTS, "203.0.113.9", "UA", 1, day1later)).toEqual(a);
    expect(a.reporter).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(a)).not.toContain("203.0.113");
  });

  it("differs by service, browser, day and salt", () => {
    const a = identify(SALTS, "203.0.113.9", "UA", 1, day1).reporter;
    expect(identify(SALTS, "203.0.113.9", "UA", 2, day1).reporter).not.toBe(a);
    expect(identify(SALTS, "203.0.113.9", "Other UA", 1, day1).reporter).not.toBe(a);
    expect(identify(SALTS, "203.0.113.9", "UA", 1, day2).reporter).not.toBe(a);
    expect(identify(testSalts("t"), "203.0.113.9", "UA", 1, day1).reporter).not.toBe(a);
  });

  it("brings yesterday's reporter hash only within the carry-over after UTC midnight", () => {
    const yesterday = identify(SALTS, "203.0.113.9", "UA", 1, day1later).reporter;
    const early = identify(SALTS, "203.0.113.9", "UA", 1, day2, 60);
    expect(early.previousReporter).toBe(yesterday);
    expect(early.reporter).not.toBe(yesterday);
    expect(identify(SALTS, "203.0.113.9", "UA", 1, new Date("2026-05-02T01:00:00Z"), 60).previousReporter).toBeNull();
    expect(identify(SALTS, "203.0.113.9", "UA", 1, day2).previousReporter).toBeNull();
  });

  it("brings yesterday's network hash for one network window after UTC midnight", () => {
    const yesterday = identify(SALTS, "203.0.113.9", "UA", 1, day1later).network;
    // Another address of the same block, another browser and service: the network is the block's.
    const early = identify(SALTS, "203.0.113.77", "Other", 2, day2);
    expect(early.previousNetwork).toBe(yesterday);
    expect(early.network).not.toBe(yesterday);
    expect(identify(SALTS, "203.0.113.9", "UA", 1, new Date("2026-05-02T00:14:59Z")).previousNetwork).toBe(yesterday);
    expect(identify(SALTS, "203.0.113.9", "UA", 1, new Date("2026-05-02T00:15:00Z")).previousNetwork).toBeNull();
    expect(identify(SALTS, "203.0.113.9", "UA", 1, day1).previousNetwork).toBeNull();
  });

  it("groups addresses of one network block", () => {
    const n = (ip: string) => identify(SALTS, ip, "UA", 1, day1).network;
    expect(n("203.0.113.9")).toBe(n("203.0.113.200"));
    expect(n("203.0.113.9")).toBe(n("::ffff:203.0.113.77"));
    expect(n("203.0.113.9")).not.toBe(n("203.0.114.9"));
    expect(n("2001:db8:1::1")).toBe(n("2001:db8:1:ffff::2"));
    expect(n("2001:db8:1::1")).not.toBe(n("2001:db8:2::1"));
  });
});

describe("client address", () => {
  it("knows an IPv4 client by its address and an IPv6 client by its /64", () => {
    expect(clientAddress("192.0.2.55")).toBe("192.0.2.55");
    expect(clientAddress("::ffff:192.0.2.55")).toBe("192.0.2.55");
    expect(clientAddress("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::");
    expect(clientAddress("2001:db8:abcd:12::ffff")).toBe(clientAddress("2001:db8:abcd:12:aaaa::1"));
    expect(clientAddress("2001:db8:abcd:13::1")).not.toBe(clientAddress("2001:db8:abcd:12::1"));
    expect(clientAddress("garbage")).toBeNull();
    expect(clientAddress("256.1.1.1")).toBeNull();
  });

  it("limits an IPv6 client per /64, whatever host part it picks", () => {
    expect(limitKeys("2001:db8:abcd:12::1").address).toBe(limitKeys("2001:db8:abcd:12:ffff:1:2:3").address);
    expect(limitKeys("2001:db8:abcd:12::1").address).not.toBe(limitKeys("2001:db8:abcd:13::1").address);
  });

  it("names blocks as /24 and /48", () => {
    expect(networkBlock("192.0.2.55")).toBe("192.0.2.0/24");
    expect(networkBlock("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkBlock("nonsense")).toBe("unknown");
    expect(networkBlock("10.0.0.255")).toBe("10.0.0.0/24");
    expect(networkBlock("256.1.1.1")).toBe("unknown");
    expect(networkBlock("::ffff:192.0.2.55")).toBe("192.0.2.0/24");
  });

  it("gives each address its own rate-limit key and each block one network key", () => {
    const edges = ["0.0.0.0", "0.0.0.1", "127.255.255.255", "128.0.0.0", "192.0.2.55", "255.255.255.255"];
    const keys = edges.map((ip) => limitKeys(ip));
    expect(new Set(keys.map((k) => k.address)).size).toBe(edges.length);
    // Integers that fit in 32 bits, so the limiter's maps never hold a string or a heap number for IPv4.
    for (const k of keys) {
      expect(typeof k.address).toBe("number");
      expect((k.address as number) | 0).toBe(k.address);
    }
    expect(limitKeys("192.0.2.1").network).toBe(limitKeys("192.0.2.254").network);
    expect(limitKeys("192.0.3.1").network).not.toBe(limitKeys("192.0.2.1").network);
    // The same client however its address is written.
    expect(limitKeys("::ffff:192.0.2.55")).toEqual(limitKeys("192.0.2.55"));
    expect(limitKeys("2001:db8:abcd:12::1")).toEqual({
      address: "2001:db8:abcd:12::/64",
      network: "2001:db8:abcd::/48",
    });
    expect(limitKeys("2001:db8:abcd:99::7").network).toBe(limitKeys("2001:db8:abcd:12::1").network);
  });
});

describe("the keyed hash", () => {
  it("is SHA-256 of the day's salt then the value, cut to 128 bits", async () => {
    const { createHash } = await import("node:crypto");
    const salt = SALTS(Math.floor(day1.getTime() / 86_400_000))!;
    const expected = (m: string) => createHash("sha256").update(salt).update(m, "utf8").digest("hex").slice(0, 32);
    const a = identify(SALTS, "203.0.113.9", "UA ✓", 7, day1);
    expect(a.reporter).toBe(expected("r|203.0.113.9|UA ✓|7"));
    expect(a.network).toBe(expected("n|203.0.113.0/24"));
  });
});

describe("once a day's salt is destroyed", () => {
  const destroyedYesterday: SaltOfDay = (day) => (day === Math.floor(day2.getTime() / 86_400_000) ? SALTS(day) : null);

  it("carries nothing over from yesterday, and cannot hash for that day at all", () => {
    const early = identify(destroyedYesterday, "203.0.113.9", "UA", 1, day2, 60);
    expect(early.previousReporter).toBeNull();
    expect(early.previousNetwork).toBeNull();
    expect(() => identify(destroyedYesterday, "203.0.113.9", "UA", 1, day1)).toThrow(/no salt for 2026-05-01/);
  });
});

describe("Idempotency-Key hashes", () => {
  it("are keyed with the permanent secret, the same across midnight, per client and key", () => {
    const h = idempotencyHash("k".repeat(64), "203.0.113.9", "UA", "key-1");
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(idempotencyHash("k".repeat(64), "203.0.113.9", "UA", "key-1")).toBe(h);
    expect(idempotencyHash("k".repeat(64), "203.0.113.10", "UA", "key-1")).not.toBe(h);
    expect(idempotencyHash("k".repeat(64), "203.0.113.9", "UA", "key-2")).not.toBe(h);
    expect(idempotencyHash("j".repeat(64), "203.0.113.9", "UA", "key-1")).not.toBe(h);
  });
});
