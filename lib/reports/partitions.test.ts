import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { identify } from "./identity";
import { SALTS } from "@/test/traffic";
import { ingestReports } from "./ingest";
import { DEFAULT_RULES } from "./rules";
import { DROP_LOCK_WAIT_MS, dropExpiredReports, ensureReportPartitions, maintainReportPartitions } from "./partitions";

const DAY = 86_400_000;
const now = new Date("2026-09-15T12:00:00Z");

describe.each(testTargets())("report partitions on $name", (target) => {
  let t: TestDb;
  const db = () => t.handle.db;
  const where = async () =>
    rows<{ part: string; n: number }>(
      db(),
      sql`select tableoid::regclass::text as part, count(*)::int as n from reports group by 1 order by 1`,
    );
  const store = (at: Date, i: number) =>
    ingestReports(
      db(),
      [
        {
          serviceId: 1,
          symptom: "login",
          country: "US",
          subdivision: null,
          text: null,
          ...identify(SALTS, `192.0.2.${i}`, "ua", 1, at),
          createdAt: at,
        },
      ],
      DEFAULT_RULES,
    );

  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("keeps a report for a day without a partition, and moves it in when the day gets one", async () => {
    const day = new Date("2026-09-10T08:00:00Z");
    await store(day, 1);
    expect(await where()).toContainEqual({ part: "reports_default", n: 1 });
    expect(await ensureReportPartitions(db(), day, day)).toEqual(["reports_p20260910"]);
    expect(await where()).toContainEqual({ part: "reports_p20260910", n: 1 });
    expect((await where()).find((w) => w.part === "reports_default")).toBeUndefined();
    // Asking again creates nothing.
    expect(await ensureReportPartitions(db(), day, day)).toEqual([]);
  });

  it("keeps partitions ready ahead of now, and new reports go straight into them", async () => {
    const { created } = await maintainReportPartitions(db(), 0, now);
    expect(created).toEqual([
      "reports_p20260914",
      "reports_p20260915",
      "reports_p20260916",
      "reports_p20260917",
      "reports_p20260918",
    ]);
    await store(now, 2);
    expect(await where()).toContainEqual({ part: "reports_p20260915", n: 1 });
  });

  it("drops whole days past the retention period and keeps the rollups", async () => {
    const rolledBefore = await rows<{ n: number }>(
      db(),
      sql`select sum(reports)::int as n from service_minute_rollups`,
    );
    const dropped = await dropExpiredReports(db(), 3, now);
    expect(dropped).toEqual(["reports_p20260910"]);
    expect(await where()).toEqual([{ part: "reports_p20260915", n: 1 }]);
    expect(await rows(db(), sql`select sum(reports)::int as n from service_minute_rollups`)).toEqual(rolledBefore);
    expect(await dropExpiredReports(db(), 0, new Date(now.getTime() + 100 * DAY))).toEqual([]);
  });
});

// Only a server has other sessions whose locks a drop could wait behind.
for (const target of testTargets().filter((x) => x.name === "postgres")) {
  describe("retiring a partition while someone reads", () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await target.open();
      await ensureReportPartitions(t.handle.db, new Date(now.getTime() - 5 * DAY), now);
    });
    afterAll(() => t.drop());

    it("gives up within a second instead of queueing every insert behind it, and drops it next round", async () => {
      const reader = await t.handle.session();
      try {
        // A long read holds the table; a drop waiting for it would hold up every insert behind it.
        await reader.query("begin");
        await reader.query("select count(*) from reports");
        const started = Date.now();
        expect(await dropExpiredReports(t.handle.db, 3, now)).toEqual([]);
        expect(Date.now() - started).toBeLessThan(DROP_LOCK_WAIT_MS * 3);
        await reader.query("commit");
      } finally {
        await reader.release();
      }
      expect(await dropExpiredReports(t.handle.db, 3, now)).toEqual(["reports_p20260910", "reports_p20260911"]);
    });
  });
}
