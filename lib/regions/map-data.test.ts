import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets, type TestDb } from "@/test/db";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { seedDemoHistory } from "@/lib/simulate/demo";
import { findService } from "@/lib/services/queries";
import { regionActivity, type RegionRow } from "./map-data";
import { activeCountries, countryServices } from "./country-services";

// Evening in New York: the US is busy enough to be shown whatever the random draws.
const now = new Date("2026-06-11T01:07:00Z");
const unusual = (r: RegionRow | undefined) => r?.band === "high" || r?.band === "severe";

describe.each(testTargets())("regional maps during a Germany-only outage on $name", (target) => {
  let t: TestDb;
  let whatsapp: number;
  beforeAll(async () => {
    t = await target.open();
    // Three days of ordinary traffic for every service, with WhatsApp failing in Germany only
    // for the last 40 minutes.
    await seedDemoHistory(t.handle.db, {
      seed: 5,
      cooldownMinutes: 60,
      now,
      days: 3,
      scenarios: ["germany"],
      startedAt: now,
    });
    whatsapp = (await findService(t.handle.db, "whatsapp"))!.id;
  }, 180_000);
  afterAll(() => t.drop());

  it("shows Germany as the anomaly on the service's map while the busier US stays calm", async () => {
    const rows = await regionActivity(t.handle.db, { serviceId: whatsapp, country: null }, 60, now);
    const de = rows.find((r) => r.code === "DE");
    const us = rows.find((r) => r.code === "US");
    expect(de?.band).toBe("severe");
    expect(rows[0]?.code).toBe("DE");
    expect(us?.band).toBe("normal");
    // The US has more users, and in a quiet hour it still has enough reports to be shown.
    expect(us?.reporters).toBeGreaterThanOrEqual(MIN_REGION_REPORTERS);
    expect(rows.filter(unusual).map((r) => r.code)).toEqual(["DE"]);
  });

  it("says the same on the all-services map", async () => {
    const rows = await regionActivity(t.handle.db, { serviceId: null, country: null }, 60, now);
    expect(unusual(rows.find((r) => r.code === "DE"))).toBe(true);
    expect(rows.find((r) => r.code === "US")?.band).toBe("normal");
    expect(rows.find((r) => r.code === "US")!.reporters!).toBeGreaterThan(rows.find((r) => r.code === "DE")!.expected!);
  });

  it("drills into Germany's states, each against its own usual level", async () => {
    const rows = await regionActivity(t.handle.db, { serviceId: whatsapp, country: "DE" }, 60, now);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.code.startsWith("DE-"))).toBe(true);
    expect(rows.filter(unusual).length).toBeGreaterThan(0);
    expect(rows.find((r) => r.code === "DE-BY")?.name).toBe("Bayern");
    // A calm country's states stay calm.
    const us = await regionActivity(t.handle.db, { serviceId: whatsapp, country: "US" }, 60, now);
    expect(us.filter(unusual)).toEqual([]);
  });

  it("ranks WhatsApp first on Germany's home, and finds nothing unusual on the calm US's", async () => {
    const germany = await countryServices(t.handle.db, "DE", 60, now);
    expect(germany[0]).toMatchObject({ slug: "whatsapp", name: "WhatsApp", band: "severe" });
    expect(germany.filter(unusual).map((r) => r.slug)).toEqual(["whatsapp"]);
    const us = await countryServices(t.handle.db, "US", 60, now);
    expect(us.length).toBeGreaterThan(10);
    expect(us.filter(unusual)).toEqual([]);
    expect(us.find((r) => r.slug === "whatsapp")?.band).toBe("normal");
    for (const r of [...germany, ...us])
      if (r.band === "too-few") expect(r).toMatchObject({ reporters: null, ratio: null });
    // Countries with reports in the last day, busiest first, each with a home.
    const countries = await activeCountries(t.handle.db, now);
    expect(countries[0]?.code).toBe("US");
    expect(countries.map((c) => c.code)).toContain("DE");
  });

  it("never gives a number for a region under the privacy minimum", async () => {
    for (const country of [null, "DE", "US"]) {
      for (const minutes of [60, 360, 1440]) {
        const rows = await regionActivity(t.handle.db, { serviceId: whatsapp, country }, minutes, now);
        for (const r of rows) {
          if (r.band === "too-few") expect(r).toMatchObject({ reporters: null, ratio: null });
          else expect(r.reporters).toBeGreaterThanOrEqual(MIN_REGION_REPORTERS);
        }
      }
    }
  });

  it("has no usual level to compare with before there is a day of history", async () => {
    const early = new Date(now.getTime() - 2.5 * 86_400_000);
    const rows = await regionActivity(t.handle.db, { serviceId: null, country: null }, 60, early);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.ratio === null && r.band !== "high" && r.band !== "severe")).toBe(true);
  });
});
