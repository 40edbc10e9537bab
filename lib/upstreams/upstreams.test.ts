import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { incidents, officialSources, upstreamEvents } from "@/db/schema";
import { UPSTREAMS } from "@/db/upstreams";
import { testTargets, type TestDb } from "@/test/db";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick } from "@/lib/incidents/tick";
import { causesForService, openCauses } from "./queries";

// The scenario of issue #28: one upstream takes out a dozen services at once.
const AWS = UPSTREAMS.aws!.dependents;

describe.each(testTargets())("common upstream causes on $name", (target) => {
  let t: TestDb;
  const ids: Record<string, number> = {};
  const spike = (slug: string, from: number, minutes: number, perMinute = 25) =>
    store(t, traffic(ids[slug]!, from, from + minutes * MINUTE, perMinute));

  beforeAll(async () => {
    t = await target.open();
    const slugs = [...AWS, "aws", "discord", "cloudflare", "tiktok"];
    for (const slug of slugs) {
      const [s] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = ${slug}`);
      ids[slug] = s!.id;
    }
    // Two quiet days for everyone, so every detector knows its usual level.
    const history = [];
    for (const slug of slugs)
      for (let m = -2 * 1440; m < 0; m += 2)
        history.push(...traffic(ids[slug]!, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
    await store(t, history);
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 240_000);
  afterAll(() => t.drop());

  it("names AWS when twelve of its services break at once, and only them", async () => {
    const broken = AWS.slice(0, 12);
    for (const slug of broken) await spike(slug, T0 + MINUTE, 20);
    await spike("tiktok", T0 + MINUTE, 20);
    // Two of Google Cloud's services are among the twelve: not enough to name Google Cloud.
    await runTick(t.handle.db, new Date(T0 + 20 * MINUTE + 30_000));

    const open = await openCauses(t.handle.db);
    expect(open).toHaveLength(1);
    const [aws] = open;
    expect(aws!.upstream).toBe("aws");
    expect(aws!.name).toBe("Amazon Web Services");
    expect(aws!.services.map((s) => s.slug).sort()).toEqual([...broken].sort());
    expect(aws!.services.every((s) => s.incidentId > 0)).toBe(true);

    const netflix = await causesForService(t.handle.db, ids.netflix!);
    expect(netflix.map((c) => [c.upstream, c.services.length])).toEqual([["aws", 12]]);
    expect(await causesForService(t.handle.db, ids.tiktok!)).toEqual([]);
    // The thirteenth dependent, untouched, is not said to be affected.
    expect(await causesForService(t.handle.db, ids[AWS[12]!]!)).toEqual([]);
  }, 120_000);

  it("ends the event when its services recover", async () => {
    await runTick(t.handle.db, new Date(T0 + 4 * 60 * MINUTE));
    const stillOpen = await t.handle.db
      .select()
      .from(incidents)
      .where(sql`ended_at is null`);
    expect(stillOpen).toEqual([]);
    const [event] = await t.handle.db.select().from(upstreamEvents).where(eq(upstreamEvents.upstream, "aws"));
    expect(event!.endedAt).not.toBeNull();
    expect(await openCauses(t.handle.db)).toEqual([]);
  }, 120_000);

  it("names Cloudflare for one broken service when Cloudflare's own page shows trouble", async () => {
    const at = T0 + 5 * 60 * MINUTE;
    await spike("discord", at, 20);
    await t.handle.db
      .update(officialSources)
      .set({ status: "major", checkedAt: new Date(at) })
      .where(eq(officialSources.serviceId, ids.cloudflare!));
    await runTick(t.handle.db, new Date(at + 20 * MINUTE + 30_000));
    const [cf] = await openCauses(t.handle.db);
    expect(cf).toMatchObject({ upstream: "cloudflare", name: "Cloudflare", official: { status: "major" } });
    expect(cf!.services.map((s) => s.slug)).toEqual(["discord"]);
  }, 120_000);
});
