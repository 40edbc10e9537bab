import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import type { IngestItem } from "@/lib/reports/ingest";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick } from "./tick";

/** Reports from the given addresses in turn, each with a new user agent unless `sameAgent`. */
const from =
  (ips: string[], sameAgent = false) =>
  (n: number) => ({
    ip: ips[n % ips.length]!,
    userAgent: sameAgent ? "one agent" : `agent ${n}`,
  });

// Three services with the same quiet history; then the same 40 reports a minute for 40 minutes:
// from one network, from a handful of people, and (the control) from 40 people on their own networks.
describe.each(testTargets())("single-source floods on $name", (target) => {
  let t: TestDb;
  const ids: Record<"network" | "handful" | "real", number> = { network: 0, handful: 0, real: 0 };
  beforeAll(async () => {
    t = await target.open();
    const found = await rows<{ id: number; slug: string }>(
      t.handle.db,
      sql`select id, slug from services where slug in ('gitlab', 'vercel', 'github') order by slug`,
    );
    const by = new Map(found.map((s) => [s.slug, s.id]));
    [ids.network, ids.handful, ids.real] = [by.get("gitlab")!, by.get("vercel")!, by.get("github")!];
    const history: IngestItem[] = [];
    for (const id of Object.values(ids))
      for (let m = -2 * 1440; m < 0; m += 2) history.push(...traffic(id, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
    await store(
      t,
      history.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    );
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 180_000);
  afterAll(() => t.drop());

  it("stores every report of a flood but never declares an outage from one source", async () => {
    const end = T0 + 40 * MINUTE;
    const oneNetwork = Array.from({ length: 200 }, (_, i) => `203.0.113.${i + 1}`);
    const handful = ["192.0.2.10", "198.51.100.10", "100.64.1.10", "100.65.1.10", "100.66.1.10"];
    const flood = [
      ...traffic(ids.network, T0, end, 40, "US", from(oneNetwork)),
      ...traffic(ids.handful, T0, end, 40, "US", from(handful, true)),
      ...traffic(ids.real, T0, end, 40),
    ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    // Stored minute by minute as it would arrive, with the detector ticking every two minutes.
    for (let m = 0; m < 40; m++) {
      await store(
        t,
        flood.filter((r) => r.createdAt.getTime() >= T0 + m * MINUTE && r.createdAt.getTime() < T0 + (m + 1) * MINUTE),
      );
      if (m % 2 === 1) await runTick(t.handle.db, new Date(T0 + (m + 1) * MINUTE + 5_000));
    }
    const incidents = await rows<{ service_id: number; level: string }>(
      t.handle.db,
      sql`select service_id, level from incidents`,
    );
    // The control shows the detector would have seen 40 people a minute.
    expect(incidents.filter((i) => i.service_id === ids.real).map((i) => i.level)).toContain("outage");
    expect(incidents.filter((i) => i.service_id === ids.network)).toEqual([]);
    expect(incidents.filter((i) => i.service_id === ids.handful)).toEqual([]);

    const kept = await rows<{ service_id: number; stored: number; counted: number; flagged: number }>(
      t.handle.db,
      sql`select service_id, count(*)::int as stored, (count(*) filter (where counted))::int as counted,
                 (count(*) filter (where flag = 'network_cap'))::int as flagged
          from reports where created_at >= ${new Date(T0).toISOString()}::timestamptz group by 1`,
    );
    const of = (id: number) => kept.find((k) => k.service_id === id)!;
    expect(of(ids.network).stored).toBe(1600);
    // 20 a window of 15 minutes: three windows (0, 15, 30) in 40 minutes.
    expect(of(ids.network).counted).toBe(60);
    expect(of(ids.network).flagged).toBe(1540);
    expect(of(ids.handful)).toMatchObject({ stored: 1600, counted: 5, flagged: 0 });
    expect(of(ids.real)).toMatchObject({ stored: 1600, counted: 1600, flagged: 0 });
  }, 180_000);
});
