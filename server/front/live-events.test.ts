import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { EventSource } from "eventsource";
import { rows, type DbHandle } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { listenFront } from "@/test/front";
import { proxyTrust } from "./client-address";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick, SETTLE_MS } from "@/lib/incidents/tick";
import { announceChanges, type TickEvent } from "@/lib/live/changes";
import { LiveHub } from "./live-events";

/** An open event stream and every event it has heard, by type. */
function listen(url: string, headers: Record<string, string> = {}) {
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
  });
  const heard: Array<{ type: string; data: string; id: string }> = [];
  const waiters: Array<() => void> = [];
  for (const type of ["status", "tick", "resync"])
    source.addEventListener(type, (e) => {
      heard.push({ type, data: e.data, id: e.lastEventId });
      waiters.splice(0).forEach((w) => w());
    });
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = () => reject(new Error(`could not open ${url}`));
  });
  return {
    source,
    heard,
    opened,
    /** Resolves with the first event of `type` (waiting up to 5 s for it). */
    async next(type: string) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const found = heard.find((h) => h.type === type);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${type} event on ${url}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

describe.each(testTargets())("live event streams on $name", (target) => {
  let t: TestDb;
  let hub: LiveHub;
  let base: string;
  let close: () => Promise<void>;
  let serviceId: number;
  const sources: EventSource[] = [];
  const open = (path: string, headers?: Record<string, string>) => {
    const l = listen(`${base}${path}`, headers);
    sources.push(l.source);
    return l;
  };

  beforeAll(async () => {
    t = await target.open();
    hub = new LiveHub(t.handle);
    await hub.start();
    ({ base, close } = await listenFront(t, proxyTrust(["loopback"]), hub));
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);
    serviceId = svc!.id;
  }, 60_000);
  afterAll(async () => {
    for (const s of sources) s.close();
    await hub.close();
    await close();
    await t.drop();
  });

  it("pushes what a tick changed to the service's pages and to the every-service pages, once it commits", async () => {
    const github = open("/api/v1/services/github/events");
    const discord = open("/api/v1/services/discord/events");
    const all = open("/api/v1/events");
    await Promise.all([github.opened, discord.opened, all.opened]);
    expect(hub.connections).toBe(3);

    await store(t, traffic(serviceId, T0, T0 + 3 * MINUTE, 2));
    await runTick(t.handle.db, new Date(T0 + 3 * MINUTE + SETTLE_MS));

    const status = await github.next("status");
    expect(JSON.parse(status.data)).toEqual({
      slug: "github",
      level: "ok",
      since: expect.any(String),
      t: T0 + 2 * MINUTE,
    });
    expect(Number(status.id)).toBeGreaterThan(0);
    const tick = JSON.parse((await all.next("tick")).data) as TickEvent;
    expect(tick).toMatchObject({ t: T0 + 2 * MINUTE, changed: 1 });
    expect(tick.levels).toEqual([{ slug: "github", level: "ok", since: expect.any(String) }]);
    // Nothing for a service the tick did not touch.
    await new Promise((r) => setTimeout(r, 200));
    expect(discord.heard).toEqual([]);
  });

  it("announces a service whose reports leave the last hour, though none arrived", async () => {
    const [discord] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'discord'`);
    await store(t, traffic(discord!.id, T0 + 3 * MINUTE, T0 + 4 * MINUTE, 2));
    await runTick(t.handle.db, new Date(T0 + 4 * MINUTE + SETTLE_MS)); // hears the reports
    await runTick(t.handle.db, new Date(T0 + 63 * MINUTE + SETTLE_MS)); // the hour since: nothing new
    const watcher = open("/api/v1/services/discord/events");
    await watcher.opened;
    await runTick(t.handle.db, new Date(T0 + 64 * MINUTE + SETTLE_MS)); // minute T0+3 leaves the hour
    expect(JSON.parse((await watcher.next("status")).data)).toMatchObject({ slug: "discord", t: T0 + 63 * MINUTE });
  });

  it("announces nothing from a transaction that rolled back", async () => {
    const watcher = open("/api/v1/services/discord/events");
    await watcher.opened;
    await t.handle.db
      .transaction(async (tx) => {
        await announceChanges(tx, [{ slug: "discord", level: "outage", since: null, t: T0 }]);
        throw new Error("rolled back");
      })
      .catch(() => {});
    await announceChanges(t.handle.db as never, [{ slug: "discord", level: "possible", since: null, t: T0 + MINUTE }]);
    expect(JSON.parse((await watcher.next("status")).data)).toMatchObject({ level: "possible" });
    expect(watcher.heard).toHaveLength(1);
  });

  it("sends a page that reconnects the latest change it missed, and nothing it already has", async () => {
    const missed = open("/api/v1/services/github/events", { "Last-Event-ID": "1" });
    // The latest: the first test's github reports left the hour at the previous test's second tick.
    expect(JSON.parse((await missed.next("status")).data)).toMatchObject({ slug: "github", t: T0 + 62 * MINUTE });
    // The every-service pages are sent the last tick they missed (the previous test's).
    const missedAll = open("/api/v1/events?lastEventId=1");
    expect(JSON.parse((await missedAll.next("tick")).data)).toMatchObject({
      levels: [{ slug: "discord", level: "possible" }],
    });

    const current = open("/api/v1/services/github/events", { "Last-Event-ID": String(Date.now()) });
    const fresh = open("/api/v1/services/github/events");
    await Promise.all([current.opened, fresh.opened]);
    await new Promise((r) => setTimeout(r, 200));
    expect(current.heard).toEqual([]);
    expect(fresh.heard).toEqual([]);
  });

  it("tells open pages to catch up when it stops hearing the channel, and listens anew", async () => {
    // The same database, but notifications stop reaching the hub while `deaf` is set.
    let deaf = false;
    let listens = 0;
    const handle: DbHandle = {
      ...t.handle,
      listen: (channel, onPayload, onListen) => {
        listens++;
        return t.handle.listen(channel, (p) => deaf || onPayload(p), onListen);
      },
    };
    const watched = new LiveHub(handle, 100);
    await watched.start();
    const front = await listenFront(t, proxyTrust(["loopback"]), watched);
    try {
      const page = listen(`${front.base}/api/v1/services/github/events`);
      sources.push(page.source);
      await page.opened;
      deaf = true;
      const resync = await page.next("resync");
      expect(Number(resync.data)).toBeGreaterThan(0);
      expect(listens).toBeGreaterThan(1);
    } finally {
      await watched.close();
      await front.close();
    }
  });

  if (target.name === "postgres")
    it("tells open pages to catch up after its listening connection was lost and restored", async () => {
      const page = open("/api/v1/events");
      await page.opened;
      await t.handle.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`,
      );
      expect(Number((await page.next("resync")).data)).toBeGreaterThan(0);
      // And it hears changes again.
      await announceChanges(t.handle.db as never, [{ slug: "discord", level: "ok", since: null, t: T0 + 90 * MINUTE }]);
      expect(JSON.parse((await page.next("tick")).data)).toMatchObject({ t: T0 + 90 * MINUTE });
    });

  it("refuses unknown services and other methods with a clear 4xx", async () => {
    const unknown = await fetch(`${base}/api/v1/services/no-such-service/events`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
    const post = await fetch(`${base}/api/v1/events`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("streams without buffering or caching, and ends every stream when it closes", async () => {
    const response = await fetch(`${base}/api/v1/events`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const ended = response.text();
    const before = hub.connections;
    expect(before).toBeGreaterThan(0);
    await hub.close();
    await expect(ended).resolves.toContain("retry:");
    expect(hub.connections).toBe(0);
    await hub.start();
  });
});
