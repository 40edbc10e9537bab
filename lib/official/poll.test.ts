import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import {
  incidents,
  officialIncidents,
  officialSources,
  reportRollups,
  serviceMinuteRollups,
  services,
} from "@/db/schema";
import { OFFICIAL_FEEDS } from "@/db/official-feeds";
import { testTargets, type TestDb } from "@/test/db";
import { startStatusPages } from "@/test/status-pages";
import { serviceStatusSchema } from "@/lib/services/schemas";
import { serviceStatusView } from "@/lib/services/api-views";
import { findService } from "@/lib/services/queries";
import { PLATFORMS } from "./platforms";
import { MAX_BACKOFF_S, pollDueSources, type PollOptions } from "./poll";
import { officialForIncident, officialView, STALE_AFTER_MS } from "./views";
import { scorecardReport } from "./scorecard";

const T0 = new Date("2026-11-20T14:06:00Z").getTime();
const INTERVAL_S = 60;
const fixture = (name: string) => readFileSync(path.join(__dirname, "../../test/fixtures/official", name), "utf8");

/** Each platform's recorded-format payloads, feed by feed. */
const PAYLOADS: Record<string, string[]> = {
  statuspage: [fixture("statuspage-summary.json"), fixture("statuspage-incidents.json")],
  incidentio: [fixture("incidentio.json")],
  statusio: [fixture("statusio.json")],
  slack: [fixture("slack.json")],
  gcp: [fixture("gcp.json")],
  aws: [fixture("aws.rss")],
  azure: [fixture("azure.rss")],
};

describe.each(testTargets())("official status polling on $name", (target) => {
  let t: TestDb;
  let pages: Awaited<ReturnType<typeof startStatusPages>>;
  const ids: Record<string, number> = {};
  const opts = (at: number, timeoutMs = 2_000): PollOptions => ({
    intervalS: INTERVAL_S,
    timeoutMs,
    userAgent: "OutageRadar/test",
    origin: pages.origin,
    limit: 20,
    now: () => new Date(at),
  });
  const source = async (slug: string) =>
    (await t.handle.db.select().from(officialSources).where(eq(officialSources.serviceId, ids[slug]!)))[0]!;

  beforeAll(async () => {
    t = await target.open();
    pages = await startStatusPages();
    for (const [slug, f] of Object.entries(OFFICIAL_FEEDS)) {
      const [s] = await t.handle.db.select({ id: services.id }).from(services).where(eq(services.slug, slug));
      ids[slug] = s!.id;
      PLATFORMS[f.platform].feeds(f.feed).forEach((feed, i) =>
        pages.set(feed.url, {
          body: PAYLOADS[f.platform]![i],
          contentType: feed.format === "xml" ? "application/rss+xml" : "application/json",
        }),
      );
    }
    // Nothing is due before its time: the seed made every page due at once.
    await t.handle.db.update(officialSources).set({ nextPollAt: new Date(T0) });
  }, 120_000);
  afterAll(async () => {
    await pages.close();
    await t.drop();
  });

  it("seeds one source per catalog service with a feed", async () => {
    const list = await t.handle.db.select().from(officialSources);
    expect(list).toHaveLength(Object.keys(OFFICIAL_FEEDS).length);
    expect(list.find((s) => s.serviceId === ids.github)).toMatchObject({
      platform: "statuspage",
      feedUrl: "https://www.githubstatus.com/api/v2/summary.json",
      host: "www.githubstatus.com",
      status: null,
    });
  });

  it("reads every page over HTTP and stores its status and incidents", async () => {
    expect(await pollDueSources(t.handle.db, opts(T0 - 1000))).toEqual([]);
    const outcomes = await pollDueSources(t.handle.db, opts(T0));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes).toHaveLength(Object.keys(OFFICIAL_FEEDS).length);
    expect(pages.log.every((l) => l.headers["user-agent"] === "OutageRadar/test")).toBe(true);

    expect(await source("github")).toMatchObject({
      status: "degraded",
      description: "Minor Service Outage",
      checkedAt: new Date(T0),
      failures: 0,
      nextPollAt: new Date(T0 + INTERVAL_S * 1000),
      components: [
        { name: "Git Operations", status: "operational" },
        { name: "Actions", status: "degraded" },
      ],
    });
    const github = await t.handle.db
      .select()
      .from(officialIncidents)
      .where(eq(officialIncidents.serviceId, ids.github!))
      .orderBy(officialIncidents.postedAt);
    expect(github.map((i) => [i.externalId, i.resolvedAt?.toISOString() ?? null])).toEqual([
      ["pm0rtem00001", "2026-11-10T23:15:00.000Z"],
      ["m3n0r1c2x9pq", "2026-11-18T10:44:51.366Z"],
      ["yb6tq0x2rf9c", null],
    ]);
    expect((await source("aws")).status).toBe("major");
    expect((await source("azure")).status).toBe("degraded");
  });

  it("shows the reading in the service's API view, with its age", async () => {
    const github = (await findService(t.handle.db, "github"))!;
    const view = serviceStatusSchema
      .strict()
      .parse(await serviceStatusView(t.handle.db, github, new Date(T0 + 120_000)));
    expect(view.official).toEqual({
      status: "degraded",
      description: "Minor Service Outage",
      updatedAt: new Date(T0).toISOString(),
      stale: false,
      url: github.statusPage,
      incident: {
        title: "Incident with Actions",
        url: "https://stspg.io/yb6tq0x2",
        impact: "minor",
        startedAt: "2026-11-20T13:48:00.000Z",
        postedAt: "2026-11-20T13:52:39.811Z",
      },
    });
    const later = await officialView(t.handle.db, github.id, github.statusPage, new Date(T0 + STALE_AFTER_MS + 1000));
    expect(later?.stale).toBe(true);
    // No feed, no official status.
    const netflix = (await findService(t.handle.db, "netflix"))!;
    expect((await serviceStatusView(t.handle.db, netflix, new Date(T0))).official).toBeNull();
  });

  it("asks again conditionally and takes a 304 as a fresh reading", async () => {
    const before = pages.log.length;
    const at = T0 + INTERVAL_S * 1000;
    const outcomes = await pollDueSources(t.handle.db, opts(at));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const again = pages.log.slice(before);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((l) => typeof l.headers["if-none-match"] === "string" && l.answered === 304)).toBe(true);
    expect(await source("github")).toMatchObject({ status: "degraded", checkedAt: new Date(at) });
  });

  it("resolves an incident that a list of open incidents no longer names", async () => {
    const feed = OFFICIAL_FEEDS.chatgpt!.feed;
    const quiet = JSON.parse(fixture("incidentio.json")) as { summary: Record<string, unknown[]> };
    quiet.summary.ongoing_incidents = [];
    quiet.summary.affected_components = [];
    pages.set(feed, { body: JSON.stringify(quiet) });
    const at = T0 + 2 * INTERVAL_S * 1000;
    await pollDueSources(t.handle.db, opts(at));
    expect(await source("chatgpt")).toMatchObject({ status: "operational", description: "All systems operational" });
    const [closed] = await t.handle.db
      .select()
      .from(officialIncidents)
      .where(eq(officialIncidents.serviceId, ids.chatgpt!));
    expect(closed).toMatchObject({ externalId: "01JQ8Z3R6N7C4TB1V0K2W5S9HX", resolvedAt: new Date(at) });
  });

  it("backs a failing host off, keeps the last reading, and names the error", async () => {
    // Discord's page, for this test, is served by the same host as GitHub's.
    await t.handle.db
      .update(officialSources)
      .set({ host: "www.githubstatus.com" })
      .where(eq(officialSources.serviceId, ids.discord!));
    pages.set(OFFICIAL_FEEDS.github!.feed, { status: 500 });
    pages.set(OFFICIAL_FEEDS.cloudflare!.feed, { body: "{}", delayMs: 1_500 });
    pages.set(OFFICIAL_FEEDS.zoom!.feed, { body: "{ not json" });
    const at = T0 + 3 * INTERVAL_S * 1000;
    const outcomes = await pollDueSources(t.handle.db, opts(at, 300));
    const error = (slug: string) => outcomes.find((o) => o.serviceId === ids[slug])?.error;
    expect(error("github")).toBe("HTTP 500");
    expect(error("cloudflare")).toBe("no answer within 300 ms");
    expect(error("zoom")).toMatch(/not JSON/);

    const github = await source("github");
    expect(github).toMatchObject({
      status: "degraded",
      failures: 1,
      lastError: "HTTP 500",
      checkedAt: new Date(T0 + 2 * INTERVAL_S * 1000),
    });
    const wait = (github.nextPollAt.getTime() - at) / 1000;
    expect(wait).toBeGreaterThanOrEqual(2 * INTERVAL_S * 0.8);
    expect(wait).toBeLessThanOrEqual(2 * INTERVAL_S * 1.2);
    // The host's other page waits as long, though it did not fail itself.
    expect((await source("discord")).nextPollAt.getTime()).toBeGreaterThanOrEqual(github.nextPollAt.getTime());
    // A failing page is not retried before its time, and the wait doubles up to the cap.
    expect((await pollDueSources(t.handle.db, opts(at + 1000))).map((o) => o.serviceId)).not.toContain(ids.github);
    let next = github.nextPollAt.getTime();
    let polledAt = next;
    for (let i = 0; i < 8; i++) {
      polledAt = next;
      await pollDueSources(t.handle.db, opts(polledAt));
      next = (await source("github")).nextPollAt.getTime();
    }
    const capped = await source("github");
    expect(capped.failures).toBe(9);
    const cappedWait = (capped.nextPollAt.getTime() - polledAt) / 1000;
    expect(cappedWait).toBeGreaterThanOrEqual(MAX_BACKOFF_S * 0.8);
    expect(cappedWait).toBeLessThanOrEqual(MAX_BACKOFF_S * 1.2);

    // Recovery clears the failures.
    pages.set(OFFICIAL_FEEDS.github!.feed, { body: fixture("statuspage-summary.json") });
    await pollDueSources(t.handle.db, opts(next));
    expect(await source("github")).toMatchObject({ failures: 0, lastError: null, checkedAt: new Date(next) });
  });

  it("matches our incident with the vendor's and says who was first", async () => {
    const [ours] = await t.handle.db
      .insert(incidents)
      .values({
        serviceId: ids.github!,
        level: "outage",
        startedAt: new Date("2026-11-20T13:30:00Z"),
        detectedAt: new Date("2026-11-20T13:40:00Z"),
      })
      .returning();
    const m = await officialForIncident(t.handle.db, ours!, new Date(T0));
    expect(m).toMatchObject({
      polled: true,
      match: { title: "Incident with Actions", url: "https://stspg.io/yb6tq0x2" },
      reportsLeadMinutes: 23,
      detectionLeadMinutes: 13,
    });
    // Netflix has no official feed: nothing to compare with.
    const none = await officialForIncident(
      t.handle.db,
      { ...ours!, serviceId: (await findService(t.handle.db, "netflix"))!.id },
      new Date(T0),
    );
    expect(none).toEqual({ polled: false, match: null, reportsLeadMinutes: null, detectionLeadMinutes: null });
    await t.handle.db.delete(incidents).where(eq(incidents.id, ours!.id));
  });

  it("counts the scorecard from the stored incidents, from when we were watching", async () => {
    // We have held reports since 40 days before T0.
    await t.handle.db.insert(serviceMinuteRollups).values({
      serviceId: ids.github!,
      bucket: new Date(T0 - 40 * 86_400_000),
      reports: 1,
      reporters: 1,
      networks: 1,
    });
    await t.handle.db.insert(reportRollups).values({
      serviceId: ids.github!,
      bucket: new Date(T0 - 40 * 86_400_000),
      country: "US",
      symptom: "login",
      reports: 1,
      reporters: 1,
      networks: 1,
    });
    const mine = await t.handle.db
      .insert(incidents)
      .values([
        // Matches "Disruption with some GitHub services" (posted 09:21:07), detected 11 minutes before it.
        {
          serviceId: ids.github!,
          level: "outage",
          startedAt: new Date("2026-11-18T09:05:00Z"),
          detectedAt: new Date("2026-11-18T09:10:00Z"),
          endedAt: new Date("2026-11-18T10:30:00Z"),
        },
        // Nothing on GitHub's page.
        {
          serviceId: ids.github!,
          level: "possible",
          startedAt: new Date("2026-11-15T03:00:00Z"),
          detectedAt: new Date("2026-11-15T03:05:00Z"),
          endedAt: new Date("2026-11-15T03:40:00Z"),
        },
      ])
      .returning();
    const [month, year] = await Promise.all([
      scorecardReport(t.handle.db, 30, { now: new Date(T0) }),
      scorecardReport(t.handle.db, 365, { now: new Date(T0) }),
    ]);
    const github = month.services.find((s) => s.slug === "github")!.card;
    // GitHub's three incidents were all posted within 30 days; ours caught one of them.
    expect(github).toMatchObject({ ours: 2, acknowledged: 1, theirs: 3, caught: 1 });
    expect(github.medianLeadMinutes).toBeCloseTo(11.12, 2);
    expect(month.partial).toBe(false);
    // A year reaches back before we were watching: it starts a day after our first reports.
    expect(year.partial).toBe(true);
    expect(year.since).toEqual(new Date(T0 - 39 * 86_400_000));
    // Overall adds the other services' vendor incidents, and only theirs.
    expect(month.overall.ours).toBe(2);
    expect(month.overall.theirs).toBeGreaterThan(3);
    expect(await scorecardReport(t.handle.db, 30, { slug: "netflix", now: new Date(T0) })).toMatchObject({
      services: [],
    });
    for (const m of mine) await t.handle.db.delete(incidents).where(eq(incidents.id, m.id));
  });
});
