import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { identify } from "./identity";
import { SALTS } from "@/test/traffic";
import { ingestReports } from "./ingest";
import { DEFAULT_RULES } from "./rules";
import { DROP_LOCK_WAIT_MS, dropExpiredReports, ensureReportPartitions, maintainReportPartitions } from "./partitions";

const DAY = 86_400_000;
const now = new Date("2026-09-15T12:00:00Z");

const storeOne = (db: Db, at: Date, i: number) =>
  ingestReports(
    db,
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

describe.each(testTargets())("report partitions on $name", (target) => {
  let t: TestDb;
  const db = () => t.handle.db;
  const where = async () =>
    rows<{ part: string; n: number }>(
      db(),
      sql`select tableoid::regclass::text as part, count(*)::int as n from reports group by 1 order by 1`,
    );
  const store = (at: Date, i: number) => storeOne(db(), at, i);

  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("makes the day's partition for a report whose day has none, and stores it there", async () => {
    const day = new Date("2026-09-10T08:00:00Z");
    expect(await store(day, 1)).toHaveLength(1);
    expect(await where()).toContainEqual({ part: "reports_p20260910", n: 1 });
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

    it("retires days while a long read holds the table, without making inserts wait, and finishes a cut-short one", async () => {
      const db = t.handle.db;
      const reader = await t.handle.session();
      const other = await t.handle.session();
      try {
        await reader.query("begin");
        await reader.query("select count(*) from reports");
        // A retirement cut short while it waited for that read: the day is left pending detach.
        await other.query("set statement_timeout = 300");
        await expect(
          other.query(`alter table reports detach partition "reports_p20260912" concurrently`),
        ).rejects.toThrow();
        const retiring = dropExpiredReports(db, 2, now);
        // Meanwhile reports keep being stored, each at once.
        for (let i = 0; i < 5; i++) {
          const started = Date.now();
          expect(await storeOne(db, new Date(now.getTime() + i * 1000), 40 + i)).toHaveLength(1);
          expect(Date.now() - started).toBeLessThan(DROP_LOCK_WAIT_MS);
          await new Promise((r) => setTimeout(r, 200));
        }
        await reader.query("commit");
        expect((await retiring).sort()).toEqual(["reports_p20260910", "reports_p20260911", "reports_p20260912"]);
      } finally {
        await reader.release();
        await other.release();
      }
      const left = await rows<{ name: string }>(
        db,
        sql`select relname as name from pg_class where relname ~ '^reports_p2026091[012]$'`,
      );
      expect(left).toEqual([]);
    });
  });
}
