import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { parseConfig } from "@/lib/config";
import { regionActivity } from "@/lib/regions/map-data";
import { findService } from "@/lib/services/queries";
import { seedDemoIfEmpty } from "./demo";

const now = new Date("2026-06-10T19:07:00Z");

describe("DEMO_SCENARIO", () => {
  it("takes one scenario or several, and refuses an unknown one", () => {
    expect(parseConfig({ DEMO_SCENARIO: "germany,california" }).DEMO_SCENARIO).toEqual(["germany", "california"]);
    expect(parseConfig({ DEMO_SCENARIO: "california" }).DEMO_SCENARIO).toEqual(["california"]);
    expect(() => parseConfig({ DEMO_SCENARIO: "germany,mars" })).toThrow(/DEMO_SCENARIO/);
  });
});

describe.each(testTargets())("the california scenario on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
    // As `npm start` does: two days of history, then the detector replays them.
    await seedDemoIfEmpty(t.handle.db, {
      seed: 3,
      cooldownMinutes: 60,
      scenarios: ["california"],
      startedAt: now,
      now,
      days: 2,
      log: () => {},
    });
  }, 180_000);
  afterAll(() => t.drop());

  it("raises a state-level incident for Spectrum in California, named as such", async () => {
    const spectrum = (await findService(t.handle.db, "spectrum"))!.id;
    const open = await rows<{ id: number; regions: string[] }>(
      t.handle.db,
      sql`select id, regions from incidents where service_id = ${spectrum} and ended_at is null`,
    );
    expect(open).toHaveLength(1);
    expect(open[0]!.regions).toContain("US-CA");
    const [detected] = await rows<{ message: string | null }>(
      t.handle.db,
      sql`select message from incident_events where incident_id = ${open[0]!.id} and kind = 'detected'`,
    );
    expect(detected?.message).toBe("Unusual reports in California, US");
  });

  it("shows California as the anomaly on the US map, against its own detector's usual level", async () => {
    const spectrum = (await findService(t.handle.db, "spectrum"))!.id;
    const states = await regionActivity(t.handle.db, { serviceId: spectrum, country: "US" }, 60, now);
    expect(states[0]?.code).toBe("US-CA");
    expect(["high", "severe"]).toContain(states[0]?.band);
  });
});
