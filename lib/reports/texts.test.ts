import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets, type TestDb } from "@/test/db";
import { setReportTextHidden } from "@/lib/reports/moderation";
import { DEFAULT_NETWORK_CAP } from "@/lib/config";
import { submitReport } from "@/lib/reports/submit";
import { PAGE_TEXTS, pageReportTexts, recentReportTexts } from "@/lib/services/api-views";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { findService } from "@/lib/services/queries";
import { systemActor } from "@/lib/admin/actor";

const MODERATOR = systemActor("test moderator");

const T0 = new Date("2026-05-12T12:00:00Z");
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

describe.each(testTargets())("report texts on $name", (target) => {
  let t: TestDb;
  let serviceId = 0;
  const ids: Record<string, number> = {};
  /** `name` labels the report; the reporter is its address and the name before any "-". */
  const report = async (name: string, ip: string, at: Date, text?: string, subdivision?: string) => {
    const out = await submitReport(
      t.handle.db,
      {
        service: "discord",
        symptom: "login",
        country: "DE",
        ...(text ? { text } : {}),
        ...(subdivision ? { subdivision } : {}),
      },
      { ip, userAgent: `Mozilla/5.0 ${name.split("-")[0]}` },
      at,
    );
    if (!out.ok) throw new Error(`report refused: ${JSON.stringify(out.issues)}`);
    serviceId = out.service.id;
    ids[name] = out.id;
    return out;
  };

  beforeAll(async () => {
    t = await target.open();
    await report("old", "192.0.2.1", minutes(-25 * 60), "Down yesterday too.");
    await report("alice", "198.51.100.7", minutes(0), "Login page spins forever.", "DE-BE");
    // Alice again within her cooldown: stored, not counted, so her second text is not shown.
    expect(await report("alice-again", "198.51.100.7", minutes(10), "STILL DOWN!!!")).toMatchObject({
      counted: false,
    });
    await report("bob", "203.0.113.200", minutes(20), "Kicked out mid-call.");
    await report("no-text", "198.51.100.77", minutes(21));
    // A flood from one /24: the reports over the network cap do not count, nor do their texts show.
    for (let i = 0; i < DEFAULT_NETWORK_CAP + 3; i++) {
      await report(`flood${i}`, `192.0.2.${10 + i}`, minutes(30 + i / 10), `Flood text ${i}`);
    }
    await report("carol", "198.51.100.99", minutes(40), "Abusive words here.");
    await setReportTextHidden(t.handle.db, MODERATOR, ids.carol!, true, minutes(41));
  });
  afterAll(async () => {
    await t.drop();
  });

  // The region is left out: a region with one reporter, next to the minute and the words, could point at
  // that person, and the maps hide regions with fewer than 5 reporters for the same reason.
  it("lists counted texts newest first, with the country only, leaving out repeats, capped floods and hidden texts", async () => {
    const texts = await recentReportTexts(t.handle.db, serviceId, { limit: 100 });
    const floodShown = Array.from({ length: DEFAULT_NETWORK_CAP }, (_, i) => ids[`flood${i}`]).reverse();
    expect(texts.map((r) => r.id)).toEqual([...floodShown, ids.bob, ids.alice, ids.old]);
    expect(texts.find((r) => r.id === ids.alice)).toEqual({
      id: ids.alice,
      createdAt: minutes(0).toISOString(),
      symptom: "login",
      country: "DE",
      text: "Login page spins forever.",
    });
  });

  it("keeps to the limit and the period asked for", async () => {
    const newest = await recentReportTexts(t.handle.db, serviceId, { limit: 2 });
    expect(newest.map((r) => r.text)).toEqual([
      `Flood text ${DEFAULT_NETWORK_CAP - 1}`,
      `Flood text ${DEFAULT_NETWORK_CAP - 2}`,
    ]);
    const today = await recentReportTexts(t.handle.db, serviceId, { limit: 100, since: minutes(-24 * 60) });
    expect(today.map((r) => r.id)).not.toContain(ids.old);
    expect(today.at(-1)?.id).toBe(ids.alice);
  });

  it("gives the service page the newest few of its chart's 24 hours", async () => {
    const page = await pageReportTexts(t.handle.db, serviceId, minutes(45));
    expect(page).toHaveLength(PAGE_TEXTS.limit);
    expect(page[0]!.text).toBe(`Flood text ${DEFAULT_NETWORK_CAP - 1}`);
    // A day later only what came since is left: nothing from yesterday.
    const dayLater = await pageReportTexts(t.handle.db, serviceId, minutes(24 * 60 + 15));
    expect(dayLater.map((r) => r.id)).toEqual(
      Array.from({ length: DEFAULT_NETWORK_CAP }, (_, i) => ids[`flood${i}`])
        .reverse()
        .slice(0, PAGE_TEXTS.limit),
    );
    expect((await pageReportTexts(t.handle.db, serviceId, minutes(24 * 60 + 40))).map((r) => r.id)).toEqual([]);
  });

  it("puts them in the live snapshot the page polls, with the problem and country in words", async () => {
    const service = (await findService(t.handle.db, "discord"))!;
    const snapshot = await serviceSnapshot(t.handle.db, service, minutes(45));
    const page = await pageReportTexts(t.handle.db, serviceId, minutes(45));
    expect(snapshot.texts.map((r) => r.id)).toEqual(page.map((r) => r.id));
    expect(snapshot.texts[0]).toEqual({
      id: ids[`flood${DEFAULT_NETWORK_CAP - 1}`],
      createdAt: page[0]!.createdAt,
      symptom: "login",
      symptomLabel: "Login",
      country: "DE",
      countryName: "Germany",
      text: `Flood text ${DEFAULT_NETWORK_CAP - 1}`,
    });
  });

  it("shows a text again once a moderator takes the hiding back", async () => {
    await setReportTextHidden(t.handle.db, MODERATOR, ids.carol!, false, minutes(42));
    const texts = await recentReportTexts(t.handle.db, serviceId, { limit: 1 });
    expect(texts.map((r) => r.text)).toEqual(["Abusive words here."]);
  });
});
