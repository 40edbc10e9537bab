import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { ispIncidents } from "@/db/schema";
import { testTargets, type TestDb } from "@/test/db";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick } from "@/lib/incidents/tick";
import type { IngestItem } from "@/lib/reports/ingest";
import { ispIncidentsForService, networkPage, openIspIncidents } from "./queries";
import { judgeNetwork, LEARNING_HOURS, shortNetworkName, standingOut } from "./detect";

// The scenario of issue #28: Comcast's users report many unrelated services at once while everyone
// else reports as usual.
const COMCAST = 7922;
/** Twenty networks share the usual traffic evenly; Comcast is one of them. */
const ASNS = [
  COMCAST,
  3320,
  3215,
  2856,
  701,
  7018,
  20115,
  22773,
  6830,
  5089,
  1136,
  12322,
  3352,
  6805,
  8881,
  9121,
  4837,
  4134,
  55836,
  45609,
];
const SERVICES = ["netflix", "youtube", "tiktok", "instagram", "whatsapp", "spotify", "steam", "gmail"];

const onNetworks = (items: IngestItem[], pick: (i: number) => number) =>
  items.map((it, i) => ({ ...it, asn: pick(i) }));

describe.each(testTargets())("ISP incidents on $name", (target) => {
  let t: TestDb;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await target.open();
    for (const slug of SERVICES) {
      const [s] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = ${slug}`);
      ids[slug] = s!.id;
    }
    const history: IngestItem[] = [];
    for (const slug of SERVICES)
      for (let m = -2 * 1440; m < 0; m += 2)
        history.push(...traffic(ids[slug]!, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
    await store(
      t,
      onNetworks(history, (i) => ASNS[i % ASNS.length]!),
    );
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 240_000);
  afterAll(() => t.drop());

  it("learns each network's usual share before judging it", () => {
    const w = { asn: 1, reporters: 50, serviceIds: [1, 2, 3, 4, 5] };
    expect(judgeNetwork(w, { reporters: 10, total: 1000, hours: LEARNING_HOURS - 1 }, 100, false)).toBeNull();
    expect(judgeNetwork(w, { reporters: 10, total: 1000, hours: LEARNING_HOURS }, 100, false)?.trouble).toBe(true);
    expect(
      judgeNetwork({ ...w, serviceIds: [1, 2, 3] }, { reporters: 10, total: 1000, hours: 48 }, 100, false)?.trouble,
    ).toBe(false);
    // A service everyone reports (its total is large) does not stand out for one network; a quiet one does.
    const perService = new Map([
      [1, 12],
      [2, 6],
      [3, 1],
    ]);
    const totals = new Map([
      [1, 200],
      [2, 8],
      [3, 1],
    ]);
    expect(standingOut(perService, totals, 0.05)).toEqual([2]);
    expect(shortNetworkName("Deutsche Telekom AG")).toBe("Deutsche Telekom");
    expect(shortNetworkName("Comcast Cable Communications, LLC")).toBe("Comcast Cable Communications");
  });

  it("does not blame a network when everyone reports more", async () => {
    // Everyone's reports for every service triple for half an hour: each network keeps its share.
    const start = T0 + MINUTE;
    const surge: IngestItem[] = [];
    for (const slug of SERVICES) surge.push(...traffic(ids[slug]!, start, start + 30 * MINUTE, 3));
    await store(
      t,
      onNetworks(surge, (i) => ASNS[i % ASNS.length]!),
    );
    await runTick(t.handle.db, new Date(start + 30 * MINUTE));
    expect(await openIspIncidents(t.handle.db)).toEqual([]);
  }, 120_000);

  it("blames Comcast when its users report eight services while others report as usual", async () => {
    const start = T0 + 2 * 60 * MINUTE;
    const usual: IngestItem[] = [];
    const comcast: IngestItem[] = [];
    for (const slug of SERVICES) {
      usual.push(...traffic(ids[slug]!, start - 60 * MINUTE, start + 30 * MINUTE, 1));
      comcast.push(...traffic(ids[slug]!, start + 5 * MINUTE, start + 25 * MINUTE, 1));
    }
    await store(
      t,
      onNetworks(usual, (i) => ASNS[i % ASNS.length]!),
    );
    await store(
      t,
      onNetworks(comcast, () => COMCAST),
    );
    await runTick(t.handle.db, new Date(start + 25 * MINUTE));

    const open = await openIspIncidents(t.handle.db);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ asn: COMCAST, name: "Comcast Cable Communications" });
    expect(open[0]!.services.map((s) => s.slug).sort()).toEqual([...SERVICES].sort());
    expect(open[0]!.peakReporters).toBeGreaterThanOrEqual(4 * open[0]!.expected);

    const forNetflix = await ispIncidentsForService(t.handle.db, ids.netflix!);
    expect(forNetflix.map((i) => i.asn)).toEqual([COMCAST]);
    const page = await networkPage(t.handle.db, COMCAST, new Date(start + 25 * MINUTE));
    expect(page).toMatchObject({
      asn: COMCAST,
      name: "Comcast Cable Communications",
      fullName: "Comcast Cable Communications, LLC",
      open: { asn: COMCAST },
    });
    expect(page!.lastHour.length).toBeGreaterThanOrEqual(SERVICES.length);
    expect(await networkPage(t.handle.db, 64512)).toBeNull();

    // Its users go quiet again: the incident ends.
    await runTick(t.handle.db, new Date(start + 70 * MINUTE));
    expect(await openIspIncidents(t.handle.db)).toEqual([]);
    const [ended] = await t.handle.db.select().from(ispIncidents);
    expect(ended!.endedAt).not.toBeNull();
  }, 120_000);

  it("keeps each network's running total equal to its hours, as hours join and leave the week", async () => {
    const totals = async () => {
      const [kept, summed] = await Promise.all([
        rows<{ asn: string; reporters: number; networks: number }>(
          t.handle.db,
          sql`select asn::text, reporters, networks from network_shares order by asn`,
        ),
        rows<{ asn: string; reporters: number; networks: number }>(
          t.handle.db,
          sql`select asn::text, sum(reporters)::int as reporters, sum(networks)::int as networks from network_hours
              where asn <> 0 group by asn having sum(reporters) > 0 order by asn`,
        ),
      ]);
      return { kept, summed };
    };
    const now = await totals();
    expect(now.kept.length).toBe(ASNS.length);
    expect(now.kept).toEqual(now.summed);
    // Six days on, the first days have left the week.
    await runTick(t.handle.db, new Date(T0 + 6 * 1440 * MINUTE));
    const later = await totals();
    expect(later.kept).toEqual(later.summed);
    const [oldest] = await rows<{ first: string }>(
      t.handle.db,
      sql`select min(hour)::text as first from network_hours`,
    );
    expect(new Date(oldest!.first).getTime()).toBeGreaterThanOrEqual(T0 - 1440 * MINUTE);
  }, 120_000);
});
