import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testTargets, type TestDb } from "@/test/db";
import { seedDemoIfEmpty } from "@/lib/simulate/demo";
import { compareServices } from "@/lib/services/compare";
import { rows } from "@/db/client";
import { setDbHandle } from "@/lib/db";
import { worldGeometry } from "@/lib/regions/geometry";
import { shareBand } from "@/lib/regions/share";
import { GET as getIncidentMap } from "@/app/incidents/[id]/map.svg/route";
import { INCIDENT_TEXTS, incidentDetail, incidentRegions, listIncidents } from "./queries";

const now = new Date("2026-06-10T12:07:00Z");

describe.each(testTargets())("incident history on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
    // Three days of traffic replayed through the detector, with WhatsApp failing in Germany for
    // the last 40 minutes: at least that one incident, still open.
    await seedDemoIfEmpty(t.handle.db, {
      seed: 9,
      cooldownMinutes: 60,
      now,
      days: 3,
      scenarios: ["germany"],
      startedAt: now,
      log: () => {},
    });
  }, 240_000);
  afterAll(() => t.drop());

  it("lists incidents newest first, with filters and pages", async () => {
    const all = await listIncidents(t.handle.db, {}, 1, 100, now);
    expect(all.total).toBeGreaterThanOrEqual(1);
    const starts = all.items.map((i) => i.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const whatsapp = await listIncidents(t.handle.db, { service: "whatsapp" }, 1, 20, now);
    expect(whatsapp.items.length).toBeGreaterThanOrEqual(1);
    expect(whatsapp.items.every((i) => i.service.slug === "whatsapp")).toBe(true);
    expect(whatsapp.items[0]).toMatchObject({ endedAt: null, service: { name: "WhatsApp", category: "messaging" } });
    const outages = await listIncidents(t.handle.db, { level: "outage" }, 1, 100, now);
    expect(outages.items.every((i) => i.level === "outage")).toBe(true);
    const messaging = await listIncidents(t.handle.db, { category: "messaging" }, 1, 100, now);
    expect(messaging.items.every((i) => i.service.category === "messaging")).toBe(true);
    const lastHour = await listIncidents(t.handle.db, { from: new Date(now.getTime() - 3_600_000) }, 1, 100, now);
    expect(lastHour.items.every((i) => new Date(i.startedAt).getTime() >= now.getTime() - 3_600_000)).toBe(true);
    // A country's incidents are those recorded there; the German WhatsApp outage is one of them.
    const germany = await listIncidents(t.handle.db, { country: "DE" }, 1, 100, now);
    expect(germany.items.some((i) => i.service.slug === "whatsapp" && i.endedAt === null)).toBe(true);
    expect(germany.items.every((i) => i.regions.some((r) => r === "DE" || r.startsWith("DE-")))).toBe(true);
    expect(germany.total).toBeLessThan(all.total);
    const none = await listIncidents(t.handle.db, { to: new Date("2020-01-01") }, 1, 100, now);
    expect(none).toEqual({ items: [], total: 0 });
    if (all.total > 1) {
      const page2 = await listIncidents(t.handle.db, {}, 2, 1, now);
      expect(page2.items[0]?.id).toBe(all.items[1]?.id);
    }
  });

  it("says where an ongoing incident's reports come from before the detector has placed it", async () => {
    const [open] = (await listIncidents(t.handle.db, { service: "whatsapp" }, 1, 1, now)).items;
    expect(open!.endedAt).toBeNull();
    const recorded = open!.regions;
    await t.handle.db.execute(sql`update incidents set regions = '[]'::jsonb where id = ${open!.id}`);
    try {
      const [listed] = (await listIncidents(t.handle.db, { service: "whatsapp" }, 1, 1, now)).items;
      // The germany scenario: the failure's reports come from Germany.
      expect(listed!.regions[0]).toBe("DE");
    } finally {
      await t.handle.db.execute(
        sql`update incidents set regions = ${JSON.stringify(recorded)}::jsonb where id = ${open!.id}`,
      );
    }
  });

  it("tells the whole story of one incident", async () => {
    const [open] = (await listIncidents(t.handle.db, { service: "whatsapp" }, 1, 1, now)).items;
    const story = (await incidentDetail(t.handle.db, open!.id, now))!;
    expect(story.service.slug).toBe("whatsapp");
    expect(new Date(story.detectedAt).getTime()).toBeGreaterThanOrEqual(new Date(story.startedAt).getTime());
    // The chart starts two hours before and runs to now while the incident lasts.
    expect(new Date(story.series[0]!.t).getTime()).toBeLessThanOrEqual(
      new Date(story.startedAt).getTime() - 2 * 3_600_000,
    );
    expect(new Date(story.series.at(-1)!.t).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(story.series.every((p) => p.expected !== null)).toBe(true);
    expect(story.totalReporters).toBeGreaterThan(100);
    expect(story.peakReporters).toBeGreaterThan(0);
    expect(story.topRegions[0]).toMatchObject({ code: "DE", name: "Germany" });
    expect(story.topRegions.every((r) => r.reporters >= 5)).toBe(true);
    expect(story.regionTotal).toBeGreaterThanOrEqual(story.topRegions.reduce((a, r) => a + r.reporters, 0));
    expect(story.topSymptoms[0]!.label).toBeTruthy();
    expect(story.events[0]).toMatchObject({ kind: "detected" });
    expect(story.durationMinutes).toBeGreaterThan(0);
    // What people wrote while it lasted: newest first, counted reports only, none from before it.
    expect(story.texts.length).toBeGreaterThan(0);
    expect(story.texts.length).toBeLessThanOrEqual(INCIDENT_TEXTS);
    const times = story.texts.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(times.every((at) => at >= story.startedAt && at <= now.toISOString())).toBe(true);
    const [counted] = await rows<{ all: boolean }>(
      t.handle.db,
      sql`select bool_and(counted) as all from reports where id in (${sql.join(
        story.texts.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    );
    expect(counted!.all).toBe(true);
    expect(await incidentDetail(t.handle.db, 987_654, now)).toBeUndefined();
  });

  it("draws the incident's small map around its countries, each shaded by its share of the reports", async () => {
    const [open] = (await listIncidents(t.handle.db, { service: "whatsapp" }, 1, 1, now)).items;
    const story = (await incidentDetail(t.handle.db, open!.id, now))!;
    expect(await incidentRegions(t.handle.db, open!.id, now)).toEqual({
      topRegions: story.topRegions,
      regionTotal: story.regionTotal,
    });
    setDbHandle(t.handle);
    try {
      const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
      const res = await getIncidentMap(new Request("http://radar.test/"), ctx(String(open!.id)));
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      const svg = await res.text();
      // Zoomed in: narrower than the whole world, around Germany.
      const [x, , w] = svg
        .match(/viewBox="([^"]+)"/)![1]!
        .split(" ")
        .map(Number) as [number, number, number, number];
      expect(w).toBeLessThan(worldGeometry().width);
      const de = worldGeometry().shapes.find((s) => s.code === "DE")!;
      expect(x).toBeLessThanOrEqual(de.box[0]);
      expect(x + w).toBeGreaterThanOrEqual(de.box[2]);
      const germany = story.topRegions.find((r) => r.code === "DE")!;
      const band = shareBand(germany.reporters, story.regionTotal);
      expect(band).not.toBe("share-none");
      expect(svg).toContain(`<path class="r ${band}" d="${de.d}"/>`);
      expect((await getIncidentMap(new Request("http://radar.test/"), ctx("987654"))).status).toBe(404);
      expect((await getIncidentMap(new Request("http://radar.test/"), ctx("abc"))).status).toBe(404);
    } finally {
      setDbHandle(undefined);
    }
  });

  it("compares services over a period from the same incidents", async () => {
    const all = await listIncidents(t.handle.db, {}, 1, 1000, now);
    const table = await compareServices(t.handle.db, 7, null, now);
    expect(table).toHaveLength(62);
    expect(table.reduce((a, s) => a + s.incidents, 0)).toBe(all.total);
    const whatsapp = table.find((s) => s.slug === "whatsapp")!;
    const its = all.items.filter((i) => i.service.slug === "whatsapp");
    expect(whatsapp.incidents).toBe(its.length);
    expect(whatsapp.downtimeMinutes).toBe(its.reduce((a, i) => a + i.durationMinutes, 0));
    expect(whatsapp.downtimePerYearMinutes).toBe(Math.round((whatsapp.downtimeMinutes * 365) / 7));
    expect(whatsapp.medianDetectMinutes).not.toBeNull();
    expect(whatsapp.reporters).toBeGreaterThan(0);
    // Worst first.
    expect(table[0]!.downtimeMinutes).toBeGreaterThanOrEqual(table.at(-1)!.downtimeMinutes);
    const messaging = await compareServices(t.handle.db, 7, "messaging", now);
    expect(messaging.every((s) => s.category === "messaging")).toBe(true);
  });
});
