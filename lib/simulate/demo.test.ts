import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { servicesOverview } from "@/lib/services/queries";
import { seedDemoHistory } from "./demo";

const now = new Date("2026-06-10T12:07:00Z");

describe.each(testTargets())("demo history on $name", (target) => {
  let t: TestDb;
  const progress: number[] = [];
  let total = 0;
  beforeAll(async () => {
    t = await target.open();
    total = await seedDemoHistory(t.handle.db, {
      seed: 11,
      cooldownMinutes: 60,
      now,
      days: 1,
      onProgress: (day) => progress.push(day),
    });
  }, 120_000);
  afterAll(() => t.drop());

  it("writes every generated report through ingest, reporting progress", async () => {
    expect(progress).toEqual([1]);
    const [r] = await rows<{ n: number; counted: number }>(
      t.handle.db,
      sql`select count(*)::int as n, (count(*) filter (where counted))::int as counted from reports`,
    );
    expect(r?.n).toBe(total);
    // Simulated repeats are kept but not counted: a few percent.
    expect(r!.counted / r!.n).toBeGreaterThan(0.9);
    expect(r!.counted).toBeLessThan(r!.n);
  });

  it("keeps every rollup equal to the raw rows", async () => {
    const [check] = await rows<{
      raw: number;
      detail: number;
      totals: number;
      rawReports: number;
      detailReports: number;
      rawSub: number;
      sub: number;
      rawSubReports: number;
      subReports: number;
    }>(
      t.handle.db,
      sql`select (select count(*) filter (where counted) from reports)::int as raw,
                 (select sum(reporters) from report_rollups)::int as detail,
                 (select sum(reporters) from service_minute_rollups)::int as totals,
                 (select count(*) from reports)::int as "rawReports",
                 (select sum(reports) from report_rollups)::int as "detailReports",
                 (select count(*) filter (where counted) from reports where subdivision is not null)::int as "rawSub",
                 (select sum(reporters) from subdivision_rollups)::int as sub,
                 (select count(*) from reports where subdivision is not null)::int as "rawSubReports",
                 (select sum(reports) from subdivision_rollups)::int as "subReports"`,
    );
    expect(check?.detail).toBe(check?.raw);
    expect(check?.totals).toBe(check?.raw);
    expect(check?.detailReports).toBe(check?.rawReports);
    expect(check?.rawSub).toBeGreaterThan(0);
    expect(check?.sub).toBe(check?.rawSub);
    expect(check?.subReports).toBe(check?.rawSubReports);
  });

  it("the overview ranks by activity and has a 24-hour sparkline", async () => {
    const list = await servicesOverview(t.handle.db, now);
    expect(list[0]!.reportersLastHour).toBeGreaterThanOrEqual(list.at(-1)!.reportersLastHour);
    const busy = list.find((s) => s.slug === "instagram")!;
    expect(busy.sparkline).toHaveLength(24);
    expect(busy.sparkline.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });
});
