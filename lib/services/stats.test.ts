import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidents, services } from "@/db/schema";
import { testTargets, type TestDb } from "@/test/db";
import { serviceStats } from "./stats";

const now = new Date("2026-06-10T12:00:00Z"); // a Wednesday
const at = (iso: string) => new Date(iso);

describe.each(testTargets())("service statistics on $name", (target) => {
  let t: TestDb;
  let serviceId = 0;
  beforeAll(async () => {
    t = await target.open();
    const [service] = await t.handle.db.select({ id: services.id }).from(services).where(eq(services.slug, "discord"));
    serviceId = service!.id;
    const base = { serviceId, level: "outage" as const };
    await t.handle.db.insert(incidents).values([
      // Monday 1 June 09:30–10:30 UTC, detected after 4 minutes: 60 minutes over two clock hours.
      {
        ...base,
        startedAt: at("2026-06-01T09:30:00Z"),
        detectedAt: at("2026-06-01T09:34:00Z"),
        endedAt: at("2026-06-01T10:30:00Z"),
      },
      // Monday 8 June 09:00–09:20, detected after 2 minutes.
      {
        ...base,
        startedAt: at("2026-06-08T09:00:00Z"),
        detectedAt: at("2026-06-08T09:02:00Z"),
        endedAt: at("2026-06-08T09:20:00Z"),
      },
      // Still open: started 40 minutes ago, detected after 10.
      { ...base, startedAt: at("2026-06-10T11:20:00Z"), detectedAt: at("2026-06-10T11:30:00Z"), endedAt: null },
      // A duplicate merged into another one counts once, through the one it was merged into.
      {
        ...base,
        startedAt: at("2026-06-02T00:00:00Z"),
        detectedAt: at("2026-06-02T00:05:00Z"),
        endedAt: at("2026-06-02T05:00:00Z"),
        mergedInto: 1,
      },
      // Older than a year: outside.
      {
        ...base,
        startedAt: at("2025-01-01T00:00:00Z"),
        detectedAt: at("2025-01-01T00:05:00Z"),
        endedAt: at("2025-01-01T05:00:00Z"),
      },
    ]);
  }, 60_000);
  afterAll(() => t.drop());

  it("counts incidents, downtime and the medians over the last year", async () => {
    const stats = await serviceStats(t.handle.db, serviceId, now);
    expect(stats).toMatchObject({
      incidents: 3,
      totalDowntimeMinutes: 60 + 20 + 40,
      medianDowntimeMinutes: 40,
      medianDetectMinutes: 4,
      // Only ended incidents resolve: 56 and 18 minutes after detection.
      medianResolveMinutes: 37,
    });
  });

  it("places downtime in the UTC hours of the week it covered", async () => {
    const { heatmap } = await serviceStats(t.handle.db, serviceId, now);
    expect(heatmap).toHaveLength(7);
    expect(heatmap.every((day) => day.length === 24)).toBe(true);
    expect(heatmap[0]![9]).toBe(30 + 20); // Monday 09:00–10:00: two incidents
    expect(heatmap[0]![10]).toBe(30);
    expect(heatmap[2]![11]).toBe(40); // Wednesday, the open one up to now
    expect(heatmap.flat().reduce((a, b) => a + b, 0)).toBe(120);
  });

  it("scales to a year when the history is shorter, and says how long it is", async () => {
    const stats = await serviceStats(t.handle.db, serviceId, now);
    // No reports for this service: its history starts with its first incident, 9.1 days ago.
    expect(stats.days).toBe(9);
    expect(stats.incidentsPerYear).toBe(120.3);
  });
});
