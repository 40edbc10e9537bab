import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, pgErrorCode, rows, type DbHandle } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { reportersLastHour } from "@/lib/services/activity";
import { reportQueue, submitReport } from "./submit";

const T0 = new Date("2026-03-02T12:00:00Z");
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const alice = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 Alice" };
const bob = { ip: "198.51.100.20", userAgent: "Mozilla/5.0 Bob" };

describe.each(testTargets())("submitReport on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(async () => {
    await t.drop();
  });
  const db = () => t.handle.db;

  it("stores a valid report and counts the first one", async () => {
    const out = await submitReport(
      db(),
      { service: "tiktok", symptom: "login", country: "us", subdivision: "us-ca" },
      alice,
      T0,
    );
    expect(out).toMatchObject({ ok: true, counted: true, status: "ok", service: { slug: "tiktok", name: "TikTok" } });
    const stored = await rows<{ country: string; subdivision: string; counted: boolean }>(
      db(),
      sql`select country, subdivision, counted from reports where id = ${out.ok ? out.id : -1}`,
    );
    expect(stored).toEqual([{ country: "US", subdivision: "US-CA", counted: true }]);
  });

  it("keeps a repeat within the cooldown but does not count it, and counts again after it", async () => {
    const repeat = await submitReport(db(), { service: "tiktok", symptom: "app", country: "US" }, alice, minutes(30));
    expect(repeat).toMatchObject({ ok: true, counted: false });
    expect(await reportersLastHour(db(), repeat.ok ? repeat.service.id : -1, minutes(30))).toBe(1);
    const other = await submitReport(db(), { service: "tiktok", symptom: "app", country: "US" }, bob, minutes(31));
    expect(other).toMatchObject({ ok: true, counted: true });
    expect(await reportersLastHour(db(), other.ok ? other.service.id : -1, minutes(31))).toBe(2);
    const later = await submitReport(db(), { service: "tiktok", symptom: "app", country: "US" }, alice, minutes(61));
    expect(later).toMatchObject({ ok: true, counted: true });
  });

  it("keeps a cooldown that began before UTC midnight, though the day's new salt changes the hash", async () => {
    const carol = { ip: "192.0.2.77", userAgent: "Mozilla/5.0 Carol" };
    const at = (iso: string) => new Date(iso);
    const report = { service: "discord", symptom: "login", country: "US" };
    expect(await submitReport(db(), report, carol, at("2026-03-04T23:50:00Z"))).toMatchObject({ counted: true });
    // Twenty minutes later, in a new UTC day: still within the hour's cooldown, so a repeat.
    expect(await submitReport(db(), report, carol, at("2026-03-05T00:10:00Z"))).toMatchObject({
      ok: true,
      counted: false,
      notCounted: "repeat",
    });
    // An hour after the counted report, it counts again (under the new day's hash).
    expect(await submitReport(db(), report, carol, at("2026-03-05T00:51:00Z"))).toMatchObject({ counted: true });
    expect(await submitReport(db(), report, carol, at("2026-03-05T00:55:00Z"))).toMatchObject({ counted: false });
    // Someone whose last report was over an hour before midnight counts at once.
    const dave = { ip: "192.0.2.78", userAgent: "Mozilla/5.0 Dave" };
    expect(await submitReport(db(), report, dave, at("2026-03-04T22:40:00Z"))).toMatchObject({ counted: true });
    expect(await submitReport(db(), report, dave, at("2026-03-05T00:05:00Z"))).toMatchObject({ counted: true });
  });

  it("answers a retry after UTC midnight with the report its Idempotency-Key stored the day before", async () => {
    const erin = { ip: "192.0.2.90", userAgent: "Mozilla/5.0 Erin" };
    const report = { service: "discord", symptom: "voice", country: "US" };
    const key = { idempotencyKey: "retry-over-midnight" };
    const first = await submitReport(db(), report, erin, new Date("2026-03-06T23:59:59Z"), key);
    const retry = await submitReport(db(), report, erin, new Date("2026-03-07T00:00:02Z"), key);
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(retry).toMatchObject({ ok: true, replayed: true, id: first.ok ? first.id : -1 });
    const stored = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from reports where created_at >= '2026-03-06T23:00:00Z' and service_id =
          (select id from services where slug = 'discord') and symptom = 'voice'`,
    );
    expect(stored[0]?.n).toBe(1);
    // The same key from someone else is theirs alone.
    const other = await submitReport(db(), report, alice, new Date("2026-03-07T00:00:03Z"), key);
    expect(other).toMatchObject({ ok: true, replayed: false });
  });

  it("counts the same person separately for another service", async () => {
    const out = await submitReport(
      db(),
      { service: "youtube", symptom: "playback", country: "GB" },
      alice,
      minutes(62),
    );
    expect(out).toMatchObject({ ok: true, counted: true });
  });

  it("keeps rollups equal to the raw rows", async () => {
    const raw = await rows<{
      service_id: number;
      bucket: string;
      country: string;
      symptom: string;
      reports: number;
      reporters: number;
    }>(
      db(),
      sql`select service_id, date_trunc('minute', created_at) as bucket, country, symptom,
                 count(*)::int as reports, (count(*) filter (where counted))::int as reporters
          from reports group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    );
    const rolled = await rows<(typeof raw)[number]>(
      db(),
      sql`select service_id, bucket, country, symptom, reports, reporters from report_rollups order by 1, 2, 3, 4`,
    );
    expect(rolled.map((r) => ({ ...r, bucket: new Date(r.bucket).toISOString() }))).toEqual(
      raw.map((r) => ({ ...r, bucket: new Date(r.bucket).toISOString() })),
    );
    const [totals] = await rows<{ a: number; b: number }>(
      db(),
      sql`select (select sum(reporters) from service_minute_rollups)::int as a, (select count(*) from reports where counted)::int as b`,
    );
    expect(totals?.a).toBe(totals?.b);
  });

  it("counts exactly one of many simultaneous reports from one person", async () => {
    const carol = { ip: "192.0.2.44", userAgent: "Carol" };
    const outs = await Promise.all(
      Array.from({ length: 8 }, () =>
        submitReport(db(), { service: "discord", symptom: "voice", country: "DE" }, carol, minutes(90)),
      ),
    );
    expect(outs.filter((o) => o.ok && o.counted)).toHaveLength(1);
    expect(outs.every((o) => o.ok)).toBe(true);
  });

  it("writes simultaneous reports together, each answered with its own row once committed", async () => {
    const queue = reportQueue(db());
    const before = { ...queue.stats };
    const outs = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        submitReport(
          db(),
          { service: "netflix", symptom: "streaming", country: "US" },
          // Each on a network of their own: 200 from one /24 would meet the network cap.
          { ip: `198.18.${i}.1`, userAgent: `p${i}` },
          minutes(100),
        ),
      ),
    );
    expect(outs.every((o) => o.ok && o.counted)).toBe(true);
    const ids = outs.map((o) => (o.ok ? o.id : -1));
    expect(new Set(ids).size).toBe(200);
    const stored = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from reports where id = any(${`{${ids.join(",")}}`}::bigint[])`,
    );
    expect(stored[0]?.n).toBe(200);
    // Far fewer statements than reports: that is the point of group commit.
    const batches = queue.stats.batches - before.batches;
    expect(queue.stats.items - before.items).toBe(200);
    expect(batches).toBeLessThan(20);
  });

  // Batches with and without an Idempotency-Key run different statements (ingest.ts).
  it("in one batch, answers a repeated Idempotency-Key with the first report and the others with their own", async () => {
    const dave = { ip: "192.0.2.77", userAgent: "Dave" };
    const report = { service: "spotify", symptom: "app", country: "SE" };
    const outs = await Promise.all([
      submitReport(db(), report, dave, minutes(110), { idempotencyKey: "same-key" }),
      submitReport(db(), report, { ip: "192.0.2.78", userAgent: "Erin" }, minutes(110)),
      submitReport(db(), report, dave, minutes(110), { idempotencyKey: "same-key" }),
      submitReport(db(), report, { ip: "198.18.200.1", userAgent: "Finn" }, minutes(110), { idempotencyKey: "k2" }),
    ]);
    expect(outs.map((o) => o.ok && { counted: o.counted, replayed: o.replayed })).toEqual([
      { counted: true, replayed: false },
      { counted: true, replayed: false },
      { counted: true, replayed: true },
      { counted: true, replayed: false },
    ]);
    const ids = outs.map((o) => (o.ok ? o.id : -1));
    expect(ids[2]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(3);
    const stored = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from reports where id = any(${`{${ids.join(",")}}`}::bigint[])`,
    );
    expect(stored[0]?.n).toBe(3);
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const before = await rows<{ n: number }>(db(), sql`select count(*)::int as n from reports`);
    const cases: Array<[unknown, string, "invalid_input" | "not_found"]> = [
      [{ symptom: "login", country: "US" }, "service", "invalid_input"],
      [{ service: "tiktok", country: "US" }, "symptom", "invalid_input"],
      [{ service: "tiktok", symptom: "login" }, "country", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "ZZ" }, "country", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "US", subdivision: "DE-BE" }, "subdivision", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "US", subdivision: "US-XX" }, "subdivision", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "US", text: "x".repeat(281) }, "text", "invalid_input"],
      [{ service: "tiktok", symptom: "no-such-symptom", country: "US" }, "symptom", "invalid_input"],
      [{ service: "no-such-service", symptom: "login", country: "US" }, "service", "not_found"],
      [{ service: 42, symptom: "login", country: "US" }, "service", "invalid_input"],
      ["not an object", "body", "invalid_input"],
      [
        { service: "tiktok", symptom: "login", country: "US", website: "http://spam.example" },
        "website",
        "invalid_input",
      ],
      // A lone surrogate would fail the whole batch it joined; NUL cannot be stored; overrides disguise text.
      [{ service: "tiktok", symptom: "login", country: "US", text: "down \ud800" }, "text", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "US", text: "a\u0000b" }, "text", "invalid_input"],
      [{ service: "tiktok", symptom: "login", country: "US", text: "\u202egnp.exe" }, "text", "invalid_input"],
      // A zero-width space hides a word from filters.
      [{ service: "tiktok", symptom: "login", country: "US", text: "sc\u200bam" }, "text", "invalid_input"],
    ];
    for (const [input, field, code] of cases) {
      const out = await submitReport(db(), input, bob, minutes(200));
      expect(out.ok, JSON.stringify(input)).toBe(false);
      if (!out.ok) {
        expect(out.kind).toBe(code);
        expect(out.issues.map((i) => i.field)).toContain(field);
      }
    }
    const after = await rows<{ n: number }>(db(), sql`select count(*)::int as n from reports`);
    expect(after).toEqual(before);
  });

  it("accepts 280 emoji of text (counted as characters, not UTF-16 units)", async () => {
    const out = await submitReport(
      db(),
      { service: "x", symptom: "feed", country: "FR", text: "🔥".repeat(280) },
      bob,
      minutes(300),
    );
    expect(out).toMatchObject({ ok: true });
  });

  it("never stores the raw IP address or user agent", async () => {
    const leaked = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from reports r
          where r::text like ${`%${alice.ip}%`} or r::text like ${`%${bob.ip}%`} or r::text like '%Alice%'`,
    );
    expect(leaked[0]?.n).toBe(0);
  });
});

describe.each(testTargets())("abuse controls on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());
  const db = () => t.handle.db;
  const counts = async () =>
    (
      await rows<{ stored: number; counted: number; flagged: number; rolled: number }>(
        db(),
        sql`select count(*)::int as stored, (count(*) filter (where counted))::int as counted,
                   (count(*) filter (where flag = 'network_cap'))::int as flagged,
                   (select coalesce(sum(reporters), 0)::int from service_minute_rollups) as rolled
            from reports`,
      )
    )[0]!;

  it("counts at most NETWORK_CAP reporters from one network in 15 minutes: the rest are stored and flagged", async () => {
    const at = new Date("2026-03-02T12:00:00Z");
    // 30 'people' (30 user agents) from one /24 in five minutes, four at a time: a flood from one place.
    const outs = [];
    for (let i = 0; i < 30; i += 4) {
      outs.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(4, 30 - i) }, (_, k) =>
            submitReport(
              db(),
              { service: "discord", symptom: "login", country: "DE" },
              { ip: `203.0.113.${1 + ((i + k) % 3)}`, userAgent: `bot ${i + k}` },
              new Date(at.getTime() + (i + k) * 10_000),
            ),
          ),
        )),
      );
    }
    expect(outs.every((o) => o.ok)).toBe(true);
    const ok = outs.filter((o) => o.ok);
    expect(ok.filter((o) => o.counted)).toHaveLength(20);
    expect(ok.filter((o) => o.notCounted === "network_cap")).toHaveLength(10);
    expect(await counts()).toEqual({ stored: 30, counted: 20, flagged: 10, rolled: 20 });
    // Another network is not held back by that one.
    const other = await submitReport(
      db(),
      { service: "discord", symptom: "login", country: "DE" },
      { ip: "198.51.100.4", userAgent: "someone" },
      new Date(at.getTime() + 6 * 60_000),
    );
    expect(other).toMatchObject({ ok: true, counted: true, notCounted: null });
    // The window ends 15 minutes after it opened: the network counts again.
    const later = await submitReport(
      db(),
      { service: "discord", symptom: "login", country: "DE" },
      { ip: "203.0.113.9", userAgent: "bot later" },
      new Date(at.getTime() + 16 * 60_000),
    );
    expect(later).toMatchObject({ ok: true, counted: true });
    // A repeat is still told apart from a capped report.
    const repeat = await submitReport(
      db(),
      { service: "discord", symptom: "app", country: "DE" },
      { ip: "203.0.113.9", userAgent: "bot later" },
      new Date(at.getTime() + 17 * 60_000),
    );
    expect(repeat).toMatchObject({ ok: true, counted: false, notCounted: "repeat" });
  });

  it("keeps a network's cap window open over UTC midnight, though the day's new salt changes its hash", async () => {
    const report = { service: "twitch", symptom: "live", country: "US" };
    // 15 people from one /24 in the five minutes before midnight, then 10 more in the minutes after:
    // one window, so 20 count and 5 are capped. (Each from its own address: the rate limit is per address.)
    const send = (i: number, iso: string) =>
      submitReport(db(), report, { ip: `192.0.2.${10 + i}`, userAgent: `person ${i}` }, new Date(iso));
    const outs = [];
    const midnight = Date.parse("2026-03-10T00:00:00Z");
    const at = (seconds: number) => new Date(midnight + seconds * 1000).toISOString();
    for (let i = 0; i < 15; i++) outs.push(await send(i, at(-300 + i * 20)));
    for (let i = 15; i < 25; i++) outs.push(await send(i, at(60 + (i - 15) * 30)));
    const ok = outs.filter((o) => o.ok);
    expect(ok).toHaveLength(25);
    expect(ok.filter((o) => o.counted)).toHaveLength(20);
    expect(ok.slice(20).every((o) => o.notCounted === "network_cap")).toBe(true);
    // The window still ends 15 minutes after it opened (23:55): at 00:11 the network counts again.
    expect(await send(30, "2026-03-10T00:11:00Z")).toMatchObject({ ok: true, counted: true });
  });

  it("refuses a client that sends too fast with a wait, storing nothing for it", async () => {
    const at = new Date("2026-03-03T09:00:00Z");
    const before = await counts();
    const client = { ip: "192.0.2.77", userAgent: "hammer" };
    const outs = [];
    for (let i = 0; i < 25; i++)
      outs.push(
        await submitReport(
          db(),
          { service: "steam", symptom: "store", country: "US" },
          client,
          new Date(at.getTime() + i * 100),
        ),
      );
    // RATE_LIMIT_PER_MINUTE is 20 by default.
    expect(outs.slice(0, 20).every((o) => o.ok)).toBe(true);
    const refused = outs.slice(20);
    for (const o of refused) {
      expect(o).toMatchObject({ ok: false, kind: "rate_limited" });
      if (!o.ok && o.kind === "rate_limited") {
        expect(o.retryAfterSeconds).toBeGreaterThan(0);
        expect(o.issues[0]!.message).toMatch(/too many reports.*try again in \d+ s/);
      }
    }
    expect((await counts()).stored - before.stored).toBe(20);
    // Someone else on another network is not affected.
    const other = await submitReport(
      db(),
      { service: "steam", symptom: "store", country: "US" },
      { ip: "198.51.100.77", userAgent: "x" },
      at,
    );
    expect(other.ok).toBe(true);
  });
});

describe.each(testTargets())("network diversity on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("counts a network block as new only when it was quiet for 15 minutes", async () => {
    const at = new Date("2026-03-02T12:01:00Z");
    // Three people on one /24 within minutes, one on another; the first /24 again after a busy
    // stretch (not new), then after 20 quiet minutes (new).
    for (const [ip, ua, minute] of [
      ["203.0.113.1", "a", 0],
      ["203.0.113.2", "b", 1],
      ["203.0.113.3", "c", 2],
      ["198.51.100.9", "d", 3],
      ["203.0.113.4", "e", 16],
      ["203.0.113.5", "f", 40],
    ] as const) {
      const out = await submitReport(
        t.handle.db,
        { service: "reddit", symptom: "feed", country: "US" },
        { ip, userAgent: ua },
        new Date(at.getTime() + minute * 60_000),
      );
      expect(out).toMatchObject({ ok: true, counted: true });
    }
    const [sum] = await rows<{ reporters: number; networks: number; detail: number }>(
      t.handle.db,
      sql`select sum(reporters)::int as reporters, sum(networks)::int as networks,
                 (select sum(networks)::int from report_rollups) as detail
          from service_minute_rollups`,
    );
    expect(sum).toEqual({ reporters: 6, networks: 3, detail: 3 });
  });

  it("does not count a network as new again just because a UTC day began", async () => {
    const networks = async () =>
      (
        await rows<{ n: number }>(
          t.handle.db,
          sql`select coalesce(sum(networks), 0)::int as n from service_minute_rollups
              where service_id = (select id from services where slug = 'spotify')`,
        )
      )[0]!.n;
    const send = (ip: string, ua: string, iso: string) =>
      submitReport(
        t.handle.db,
        { service: "spotify", symptom: "music", country: "US" },
        { ip, userAgent: ua },
        new Date(iso),
      );
    expect(await send("203.0.113.1", "a", "2026-03-11T23:58:00Z")).toMatchObject({ counted: true });
    expect(await networks()).toBe(1);
    // Two minutes later, another person on the same /24: the block was not quiet, so not new.
    expect(await send("203.0.113.2", "b", "2026-03-12T00:00:30Z")).toMatchObject({ counted: true });
    expect(await networks()).toBe(1);
    // A block last seen 20 minutes before midnight is new.
    expect(await send("198.51.100.1", "c", "2026-03-11T23:40:00Z")).toMatchObject({ counted: true });
    expect(await send("198.51.100.2", "d", "2026-03-12T00:01:00Z")).toMatchObject({ counted: true });
    expect(await networks()).toBe(3);
  });
});

// Only a server has other sessions that can hold a lock intake would wait for.
for (const target of testTargets().filter((x) => x.name === "postgres")) {
  describe("intake while another session holds the reports table", () => {
    let t: TestDb;
    let quick: DbHandle;
    beforeAll(async () => {
      t = await target.open();
      quick = createDb({ url: t.url!, lockTimeoutMs: 300, statementTimeoutMs: 1_000 });
    });
    afterAll(async () => {
      await quick.close();
      await t.drop();
    });
    const report = { service: "tiktok", symptom: "login", country: "US" };

    it("refuses the report at the lock timeout instead of waiting, and takes it once the lock is gone", async () => {
      const holder = await t.handle.session();
      try {
        await holder.query("begin");
        await holder.query("lock table reports in access exclusive mode");
        const refused = await submitReport(quick.db, report, alice, new Date()).then(
          () => "stored",
          (error: unknown) => pgErrorCode(error),
        );
        expect(refused).toBe("55P03"); // lock_not_available
        await holder.query("rollback");
      } finally {
        await holder.release();
      }
      expect(await submitReport(quick.db, report, bob, new Date())).toMatchObject({ ok: true, counted: true });
    });

    it("cuts a statement off at the statement timeout", async () => {
      const outcome = await quick.db.execute(sql`select pg_sleep(5)`).then(
        () => "finished",
        (error: unknown) => pgErrorCode(error),
      );
      expect(outcome).toBe("57014"); // query_canceled
    });
  });
}
