import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { SHARED_MAX } from "@/lib/detection/params";
import { runTick } from "@/lib/incidents/tick";
import type { IngestItem } from "@/lib/reports/ingest";
import { testTargets, type TestDb } from "@/test/db";
import { MINUTE, store, T0, traffic } from "@/test/traffic";

// A carrier whose customers reach us through shared NAT addresses (five people per /24 block), and
// an ordinary network where everyone has a block of their own.
const CARRIER = 9121;
const ORDINARY = 3320;

let person = 0;
/** Five people per /24 block, as behind a carrier's NAT. */
const behindNat = () => {
  const n = person++;
  return { ip: `100.${64 + ((n >> 13) & 63)}.${(n / 5) & 255}.${1 + (n % 5)}`, userAgent: "ua" };
};
const on = (asn: number, items: IngestItem[]) => items.map((it) => ({ ...it, asn }));

describe.each(testTargets())("shared addresses on $name", (target) => {
  let t: TestDb;
  let service = 0;

  beforeAll(async () => {
    t = await target.open();
    const [s] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'netflix'`);
    service = s!.id;
    const history: IngestItem[] = [
      ...on(CARRIER, traffic(service, T0 - 3 * 60 * MINUTE, T0, 2, "US", behindNat)),
      ...on(ORDINARY, traffic(service, T0 - 3 * 60 * MINUTE, T0, 2)),
    ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await store(t, history);
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 240_000);
  afterAll(() => t.drop());

  it("learns from the reports which operator's customers share addresses", async () => {
    const shares = await rows<{ asn: string; reporters: number; networks: number; shared: number }>(
      t.handle.db,
      sql`select asn::text, reporters, networks, shared from network_shares order by asn`,
    );
    const of = (asn: number) => shares.find((r) => Number(r.asn) === asn)!;
    // Each counted report is stored with whether it brought a new network; the fold sums them.
    expect(of(ORDINARY).networks).toBe(of(ORDINARY).reporters);
    expect(of(CARRIER).networks / of(CARRIER).reporters).toBeCloseTo(0.2, 1);
    expect(of(ORDINARY).shared).toBe(0);
    expect(of(CARRIER).shared).toBeGreaterThan(0.5);
    expect(of(CARRIER).shared).toBeLessThanOrEqual(SHARED_MAX);
  });

  it("adds each counted report's shared share to the minute's rollups, and nothing for a repeat", async () => {
    const [{ shared } = { shared: 0 }] = await rows<{ shared: number }>(
      t.handle.db,
      sql`select shared from network_shares where asn = ${CARRIER}`,
    );
    const at = T0 + 5 * MINUTE;
    person = Math.ceil(person / 5) * 5;
    const crowd = on(CARRIER, traffic(service, at, at + MINUTE, 10, "US-CA", behindNat));
    await store(t, crowd);
    // The first person again, within the cooldown: stored, not counted.
    await store(t, [{ ...crowd[0]!, createdAt: new Date(at + 59_000) }]);
    const minute = new Date(at).toISOString();
    const [whole] = await rows<{ reporters: number; shared: number }>(
      t.handle.db,
      sql`select reporters, shared from service_minute_rollups where service_id = ${service} and bucket = ${minute}::timestamptz`,
    );
    expect(whole!.reporters).toBe(10);
    expect(whole!.shared).toBeCloseTo(10 * shared, 3);
    const [state] = await rows<{ shared: number }>(
      t.handle.db,
      sql`select shared from subdivision_rollups where service_id = ${service} and bucket = ${minute}::timestamptz and subdivision = 'US-CA'`,
    );
    expect(state!.shared).toBeCloseTo(10 * shared, 3);
    const [country] = await rows<{ shared: number }>(
      t.handle.db,
      sql`select sum(shared)::float8 as shared from report_rollups where service_id = ${service} and bucket = ${minute}::timestamptz`,
    );
    expect(country!.shared).toBeCloseTo(10 * shared, 3);
    const [fresh] = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from reports where service_id = ${service} and created_at >= ${minute}::timestamptz and new_network`,
    );
    // Ten people in two /24 blocks: two new networks.
    expect(fresh!.n).toBe(2);

    // The tick hands the minute's shared reporters to the service's detector with its counts.
    await runTick(t.handle.db, new Date(at + MINUTE + 30_000));
    const [saved] = await rows<{ state: { recentShared: number[]; recent: number[] } }>(
      t.handle.db,
      sql`select state from detector_state where service_id = ${service}`,
    );
    expect(saved!.state.recent.at(-1)).toBe(10);
    expect(saved!.state.recentShared.at(-1)).toBeCloseTo(10 * shared, 3);
  });

  it("excuses nobody, and does not fail, while no report has recorded a new network", async () => {
    // As after an upgrade: reports from before new networks were recorded carry none.
    await t.handle.db.execute(sql`update reports set new_network = false`);
    await t.handle.db.execute(sql`update network_shares set networks = 0`);
    // A tick in a later hour folds hours again and recomputes every operator's share.
    const summary = await runTick(t.handle.db, new Date(T0 + 6 * 60 * MINUTE + 30_000));
    expect(summary.ran).toBe(true);
    const shares = await rows<{ shared: number }>(t.handle.db, sql`select shared from network_shares`);
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((r) => r.shared === 0)).toBe(true);
  });
});
