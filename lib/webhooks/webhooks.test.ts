import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { incidentsAtom } from "@/lib/feeds/atom";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick } from "@/lib/incidents/tick";
import { incidentsWithTimelines } from "@/lib/incidents/queries";
import { DISABLE_AFTER_H, RETRY_DELAYS_S, RETRY_JITTER, dispatchDue } from "./dispatch";
import { createWebhook, deleteWebhook, enableWebhook, deliveryLog, listWebhooks, sendTestDelivery } from "./manage";
import { SIGNATURE_HEADER, verifySignature } from "./signature";
import { pruneDeliveries } from "./outbox";
import { sealStoredWebhookSecrets, webhookSecrets } from "./secrets";
import { pruneAudit } from "@/lib/admin/audit";
import { systemActor } from "@/lib/admin/actor";

const MODERATOR = systemActor("test moderator");

// The receiver listens on loopback, which only a development deployment may call.
const LOCAL = { allowInsecure: true };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe.each(testTargets())("webhooks on $name", (target) => {
  let t: TestDb;
  let receiver: Server;
  let url = "";
  const received: Received[] = [];
  let failOpened = true; // the receiver answers the first "incident.opened" with a 500, to exercise the retry

  beforeAll(async () => {
    t = await target.open();
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        const fail = failOpened && req.headers["outage-radar-event"] === "incident.opened";
        if (fail) failOpened = false;
        res.writeHead(fail ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);
    const history = [];
    for (let m = -2 * 1440; m < 0; m += 2) history.push(...traffic(svc!.id, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
    await store(t, history);
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await t.drop();
  });

  it("delivers the detector's calls, signed, retried after a failure, and says so in the log", async () => {
    const created = await createWebhook(
      t.handle.db,
      MODERATOR,
      { url, events: ["incident.opened", "incident.escalated", "incident.resolved"], service: "github" },
      LOCAL,
    );
    if (!created.ok) throw new Error(created.message);
    const { id, secret } = created.value;
    // The secret is stored sealed: a dump of the database alone cannot sign as us.
    const [stored] = await rows<{ secret: string }>(t.handle.db, sql`select secret from webhooks where id = ${id}`);
    expect(stored!.secret).not.toContain(secret);
    expect(webhookSecrets().open(stored!.secret)).toBe(secret);
    const deliveries = async (webhook: number) => {
      const log = await deliveryLog(t.handle.db, webhook);
      if (!log.ok) throw new Error(log.message);
      return log.value;
    };
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);

    // A 30-minute surge, then calm: the detector opens, escalates and resolves one incident.
    await store(t, traffic(svc!.id, T0, T0 + 30 * MINUTE, 40));
    await runTick(t.handle.db, new Date(T0 + 31 * MINUTE));
    const publicUrl = "https://radar.example";
    let now = new Date(T0 + 31 * MINUTE);
    await dispatchDue(t.handle.db, { now, publicUrl, policy: LOCAL });
    expect(received.length).toBeGreaterThanOrEqual(1);
    let log = await deliveries(id);
    const first = log.find((d) => d.event === "incident.opened")!;
    expect(first).toMatchObject({ event: "incident.opened", state: "pending", attempts: 1, lastStatus: 500 });
    // The first retry waits 30 s, give or take the jitter that keeps retries from arriving together.
    const wait = new Date(first.nextAttemptAt!).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_S[0] * 1000 * (1 - RETRY_JITTER));
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_S[0] * 1000 * (1 + RETRY_JITTER));

    // Not before its time...
    await dispatchDue(t.handle.db, { now: new Date(now.getTime() + 10_000), publicUrl, policy: LOCAL });
    expect((await deliveries(id)).find((d) => d.event === "incident.opened")!.attempts).toBe(1);
    // ...and then it goes through.
    now = new Date(now.getTime() + wait);
    await dispatchDue(t.handle.db, { now, publicUrl, policy: LOCAL });
    log = await deliveries(id);
    expect(log.every((d) => d.state === "delivered")).toBe(true);
    expect(log.find((d) => d.event === "incident.opened")).toMatchObject({
      attempts: 2,
      lastStatus: 204,
      lastError: null,
    });

    await store(t, traffic(svc!.id, T0 + 30 * MINUTE, T0 + 150 * MINUTE, 1));
    await runTick(t.handle.db, new Date(T0 + 151 * MINUTE));
    await dispatchDue(t.handle.db, { now: new Date(T0 + 151 * MINUTE), publicUrl, policy: LOCAL });

    // Every delivery is signed over "<t>.<body>" with the secret; checked here with node:crypto alone.
    for (const r of received) {
      const header = String(r.headers[SIGNATURE_HEADER]);
      const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
      expect(createHmac("sha256", secret).update(`${ts}.${r.body}`).digest("hex")).toBe(mac);
      expect(verifySignature(header, secret, r.body, new Date(Number(ts) * 1000))).toBe(true);
      expect(verifySignature(header, secret, `${r.body} `, new Date(Number(ts) * 1000))).toBe(false);
      expect(verifySignature(header, "whsec_wrong", r.body, new Date(Number(ts) * 1000))).toBe(false);
      expect(r.headers["content-type"]).toBe("application/json");
    }
    const bodies = received.map(
      (r) =>
        JSON.parse(r.body) as {
          event: string;
          delivery: number;
          incident: { id: number; endedAt: string | null } & Record<string, unknown>;
        },
    );
    // The retried delivery arrived twice with the same delivery id: receivers de-duplicate on it.
    const opened = bodies.filter((b) => b.event === "incident.opened");
    expect(opened).toHaveLength(2);
    expect(opened[0]!.delivery).toBe(opened[1]!.delivery);
    const byDelivery = new Map(bodies.map((b) => [b.delivery, b.event]));
    const events = [...byDelivery.entries()].sort(([a], [b]) => a - b).map(([, event]) => event);
    expect(events[0]).toBe("incident.opened");
    expect(events.at(-1)).toBe("incident.resolved");
    const incidentId = opened[0]!.incident.id as number;
    expect(bodies.every((b) => b.incident.id === incidentId)).toBe(true);
    expect(opened[0]!.incident).toMatchObject({
      url: `${publicUrl}/incidents/${incidentId}`,
      service: { slug: "github", name: "GitHub" },
      endedAt: null,
    });
    expect(bodies.find((b) => b.event === "incident.resolved")!.incident.endedAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );

    // The feed tells the same story: one entry whose timeline has the same calls.
    const [story] = await incidentsWithTimelines(t.handle.db, { service: "github" }, 10, new Date(T0 + 151 * MINUTE));
    const kinds = story!.events.map((e) => e.kind).filter((k) => k !== "peak");
    expect(
      kinds.map(
        (k) =>
          ({ detected: "incident.opened", escalated: "incident.escalated", resolved: "incident.resolved" })[
            k as "detected"
          ],
      ),
    ).toEqual(events);
    const xml = incidentsAtom(
      { title: "t", selfUrl: `${publicUrl}/incidents/feed.atom`, pageUrl: `${publicUrl}/incidents`, publicUrl },
      [story!],
    );
    expect(xml).toContain(`<id>${publicUrl}/incidents/${incidentId}</id>`);
    for (const label of ["Detected", "Resolved", ...(events.includes("incident.escalated") ? ["Escalated"] : [])])
      expect(xml).toContain(`: ${label}`);
  }, 120_000);

  it("stops delivering to a deleted webhook", async () => {
    const created = await createWebhook(t.handle.db, MODERATOR, { url, events: ["incident.opened"] }, LOCAL);
    if (!created.ok) throw new Error(created.message);
    expect(await deleteWebhook(t.handle.db, MODERATOR, created.value.id)).toEqual({ ok: true, value: undefined });
    expect(await deleteWebhook(t.handle.db, MODERATOR, created.value.id)).toMatchObject({
      ok: false,
      kind: "not_found",
    });
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);
    await store(t, traffic(svc!.id, T0 + 300 * MINUTE, T0 + 330 * MINUTE, 40));
    await runTick(t.handle.db, new Date(T0 + 331 * MINUTE));
    const [queued] = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from webhook_deliveries where webhook_id = ${created.value.id}`,
    );
    expect(queued!.n).toBe(0);
  }, 60_000);

  it("switches off a webhook that has failed for a day, and tells its owner why", async () => {
    const HOUR = 60 * MINUTE;
    const closed = `http://127.0.0.1:9/hook`; // the discard port: nothing listens there
    const dead = await createWebhook(t.handle.db, MODERATOR, { url: closed, events: ["incident.opened"] }, LOCAL);
    const alive = await createWebhook(t.handle.db, MODERATOR, { url, events: ["incident.opened"] }, LOCAL);
    if (!dead.ok || !alive.ok) throw new Error("not created");
    const publicUrl = "https://radar.example";
    const start = T0 + 1_000 * HOUR;
    const ping = async (at: number) => {
      await sendTestDelivery(t.handle.db, dead.value.id, new Date(at));
      await sendTestDelivery(t.handle.db, alive.value.id, new Date(at));
      await dispatchDue(t.handle.db, { now: new Date(at), publicUrl, policy: LOCAL });
    };
    const state = async () => {
      const all = await listWebhooks(t.handle.db);
      return {
        dead: all.find((w) => w.id === dead.value.id)!,
        alive: all.find((w) => w.id === alive.value.id)!,
      };
    };
    await ping(start);
    await ping(start + (DISABLE_AFTER_H - 1) * HOUR);
    expect((await state()).dead.disabledAt).toBeNull();
    await ping(start + (DISABLE_AFTER_H + 1) * HOUR);
    const after = await state();
    expect(after.alive.disabledAt).toBeNull();
    expect(after.dead.disabledAt).toBe(new Date(start + (DISABLE_AFTER_H + 1) * HOUR).toISOString());
    expect(after.dead.disabledReason).toBe(
      `switched off after its deliveries failed for ${DISABLE_AFTER_H} hours (the last: connection refused)`,
    );
    const log = await deliveryLog(t.handle.db, dead.value.id);
    if (!log.ok) throw new Error(log.message);
    expect(log.value.every((d) => d.state === "failed" && d.lastError !== null)).toBe(true);
    expect(log.value[0]!.lastError).toContain("switched off");

    // Its owner fixed the receiver: switched back on, it is tried again like a new one.
    expect(await enableWebhook(t.handle.db, MODERATOR, dead.value.id)).toEqual({ ok: true, value: undefined });
    expect(await enableWebhook(t.handle.db, MODERATOR, dead.value.id)).toMatchObject({ ok: false, kind: "conflict" });
    expect((await state()).dead).toMatchObject({ disabledAt: null, disabledReason: null });
    await ping(start + (DISABLE_AFTER_H + 2) * HOUR);
    const again = await deliveryLog(t.handle.db, dead.value.id);
    if (!again.ok) throw new Error(again.message);
    expect(again.value[0]).toMatchObject({ attempts: 1, lastError: "connection refused" });
    expect((await state()).dead.disabledAt).toBeNull();
  }, 60_000);

  it("forgets finished deliveries and audit entries past their age, never a pending delivery", async () => {
    const DAY = 24 * 60 * MINUTE;
    const created = await createWebhook(t.handle.db, MODERATOR, { url, events: ["incident.opened"] }, LOCAL);
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    const old = T0 - 100 * DAY;
    await t.handle.db.execute(sql`
      insert into webhook_deliveries (webhook_id, event, payload, state, created_at) values
        (${id}, 'ping', '{}', 'delivered', ${new Date(old).toISOString()}::timestamptz),
        (${id}, 'ping', '{}', 'failed', ${new Date(old).toISOString()}::timestamptz),
        (${id}, 'ping', '{}', 'pending', ${new Date(old).toISOString()}::timestamptz),
        (${id}, 'ping', '{}', 'delivered', ${new Date(T0 - DAY).toISOString()}::timestamptz)`);
    await t.handle.db.execute(sql`
      insert into admin_audit (action, target, at) values
        ('webhook.create', 'webhook:old', ${new Date(old).toISOString()}::timestamptz),
        ('webhook.create', 'webhook:new', ${new Date(T0 - DAY).toISOString()}::timestamptz)`);
    const now = new Date(T0);
    expect(await pruneDeliveries(t.handle.db, 90, now)).toBe(2);
    expect(await pruneAudit(t.handle.db, 90, now)).toBe(1);
    const left = await rows<{ state: string }>(
      t.handle.db,
      sql`select state from webhook_deliveries where webhook_id = ${id} order by id`,
    );
    expect(left.map((d) => d.state)).toEqual(["pending", "delivered"]);
    const audit = await rows<{ target: string }>(
      t.handle.db,
      sql`select target from admin_audit where target in ('webhook:old', 'webhook:new')`,
    );
    expect(audit.map((a) => a.target)).toEqual(["webhook:new"]);
    expect(await pruneDeliveries(t.handle.db, 0, now)).toBe(0);
  });

  it("seals secrets stored before sealing existed, once", async () => {
    const [legacy] = await rows<{ id: number }>(
      t.handle.db,
      sql`insert into webhooks (url, secret, events) values ('https://hooks.example/old', 'whsec_legacy', '["incident.opened"]')
          returning id`,
    );
    expect(await sealStoredWebhookSecrets(t.handle.db)).toBeGreaterThanOrEqual(1);
    const [stored] = await rows<{ secret: string }>(
      t.handle.db,
      sql`select secret from webhooks where id = ${legacy!.id}`,
    );
    expect(stored!.secret).not.toBe("whsec_legacy");
    expect(webhookSecrets().open(stored!.secret)).toBe("whsec_legacy");
    expect(await sealStoredWebhookSecrets(t.handle.db)).toBe(0);
  });
});
