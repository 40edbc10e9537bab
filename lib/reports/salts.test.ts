import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { dayOf, identify } from "./identity";
import { pruneCooldowns } from "./ingest";
import { destroyExpiredSalts, saltsFor } from "./salts";
import { submitReport } from "./submit";

const COOLDOWN = 60;
const at = (iso: string) => new Date(iso);

describe.each(testTargets())("daily salts on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());
  const stored = async () =>
    (await rows<{ day: number }>(t.handle.db, sql`select day from daily_salts order by day`)).map((r) => r.day);

  it("makes one random salt a day, the same for every caller", async () => {
    const a = await saltsFor(t.handle.db, at("2026-05-01T10:00:00Z"), COOLDOWN);
    const b = await saltsFor(t.handle.db, at("2026-05-01T22:00:00Z"), COOLDOWN);
    const day = dayOf(at("2026-05-01T10:00:00Z"));
    expect(a(day)).toMatch(/^[0-9a-f]{64}$/);
    expect(b(day)).toBe(a(day));
    const next = await saltsFor(t.handle.db, at("2026-05-02T10:00:00Z"), COOLDOWN);
    expect(next(day + 1)).not.toBe(a(day));
    // Past the carry-over, yesterday's salt is not even handed out.
    expect(next(day)).toBeNull();
  });

  it("hands out yesterday's salt only in the carry-over after midnight", async () => {
    const day = dayOf(at("2026-05-02T00:10:00Z"));
    const early = await saltsFor(t.handle.db, at("2026-05-02T00:10:00Z"), COOLDOWN);
    expect(early(day - 1)).toMatch(/^[0-9a-f]{64}$/);
    const id = identify(early, "203.0.113.9", "UA", 1, at("2026-05-02T00:10:00Z"), COOLDOWN);
    expect(id.previousReporter).not.toBeNull();
  });

  it("destroys yesterday's salt once the carry-over is over, and every older one", async () => {
    const may1 = dayOf(at("2026-05-01T00:00:00Z"));
    expect(await stored()).toEqual([may1, may1 + 1]);
    // 00:30 on 2 May: the one-hour cooldown that began under 1 May's salt may still be running.
    expect(await destroyExpiredSalts(t.handle.db, COOLDOWN, at("2026-05-02T00:30:00Z"))).toBe(0);
    expect(await destroyExpiredSalts(t.handle.db, COOLDOWN, at("2026-05-02T01:00:00Z"))).toBe(1);
    expect(await stored()).toEqual([may1 + 1]);
    const later = await saltsFor(t.handle.db, at("2026-05-02T00:20:00Z"), COOLDOWN);
    expect(later(may1)).toBeNull();
  });
});

describe.each(testTargets())("a database dump taken after the windows on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("holds no salt and no hash that could tie a report to an address", async () => {
    const when = at("2026-06-10T12:00:00Z");
    const who = { ip: "203.0.113.77", userAgent: "Mozilla/5.0 Carol" };
    const out = await submitReport(t.handle.db, { service: "tiktok", symptom: "login", country: "US" }, who, when, {
      idempotencyKey: "carol-1",
    });
    expect(out).toMatchObject({ ok: true, counted: true });
    const salts = await saltsFor(t.handle.db, when, COOLDOWN);
    const salt = salts(dayOf(when))!;
    const tiktok = (await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'tiktok'`))[0]!.id;
    const { reporter, network } = identify(salts, who.ip, who.userAgent, tiktok, when, COOLDOWN);
    const asUuid = (h: string) =>
      `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    const traces = [salt, reporter, network, asUuid(reporter), asUuid(network), who.ip];
    const dump = async () => {
      const tables = await rows<{ name: string }>(
        t.handle.db,
        sql`select tablename as name from pg_tables where schemaname = 'public'`,
      );
      let text = "";
      for (const { name } of tables)
        for (const r of await rows<{ row: string }>(t.handle.db, sql.raw(`select t::text as row from "${name}" t`)))
          text += `${r.row}\n`;
      return text;
    };
    // While the cooldown runs, the hashes are kept to count Carol once; the reports never hold them.
    expect((await dump()).includes(reporter.slice(0, 8))).toBe(true);

    const nextDay = new Date(when.getTime() + 25 * 3_600_000);
    await pruneCooldowns(t.handle.db, COOLDOWN, nextDay);
    await destroyExpiredSalts(t.handle.db, COOLDOWN, nextDay);
    const later = await dump();
    for (const trace of traces) expect(later.includes(trace), trace).toBe(false);
  });
});
