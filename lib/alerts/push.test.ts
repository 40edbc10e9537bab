import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { incidents } from "@/db/schema";
import { testTargets, type TestDb } from "@/test/db";
import { startPushEndpoint } from "@/test/push-endpoint";
import { fanOut, sendDueAlerts } from "./dispatch";
import { alertSecrets } from "./links";
import type { Mailer } from "./mailer";
import { subscriptionRequestSchema } from "./schemas";
import type { SendContext } from "./send";
import { requestSubscription, resetSubscriptionLimits } from "./subscribe";
import { vapidKeys } from "./vapid";

const ORIGIN = "https://radar.example";
const NO_MAIL: Mailer = {
  kind: "smtp",
  send: () => Promise.reject(new Error("no e-mail in this test")),
};

describe.each(testTargets())("web push on $name", (target) => {
  let t: TestDb;
  let push: Awaited<ReturnType<typeof startPushEndpoint>>;
  const now = new Date("2026-06-01T10:00:00Z");
  const context = (): SendContext & { origin: string; source: string } => ({
    origin: ORIGIN,
    source: "203.0.113.0/24",
    mailer: NO_MAIL,
    // The endpoint is on loopback with its own certificate, which only development may call.
    policy: { allowInsecure: true },
    vapid: () => vapidKeys(t.handle.db, alertSecrets().targets),
    pushContact: ORIGIN,
    now,
  });

  beforeAll(async () => {
    t = await target.open();
    push = await startPushEndpoint();
    resetSubscriptionLimits();
  });
  afterAll(async () => {
    await push.close();
    await t.drop();
  });

  it("keeps one VAPID key pair with the database, its private half sealed", async () => {
    const keys = await vapidKeys(t.handle.db, alertSecrets().targets);
    const stored = await rows<{ key: string; value: string }>(
      t.handle.db,
      sql`select key, value from settings where key like 'vapid%' order by key`,
    );
    expect(stored.map((s) => s.key)).toEqual(["vapid_private_key", "vapid_public_key"]);
    expect(stored[1]!.value).toBe(keys.publicKey);
    expect(stored[0]!.value).not.toContain(keys.privateKey);
    expect(alertSecrets().targets.open(stored[0]!.value)).toBe(keys.privateKey);
  });

  it("sends a signed, encrypted notification on subscribing and when an incident opens", async () => {
    const subscribed = await requestSubscription(
      t.handle.db,
      subscriptionRequestSchema.parse({ push: push.subscription("/push/browser-1"), services: ["github"] }),
      context(),
    );
    expect(subscribed).toMatchObject({ ok: true, value: { status: "subscribed" } });
    const keys = await vapidKeys(t.handle.db, alertSecrets().targets);
    expect(push.received).toHaveLength(1);
    const [welcome] = push.received;
    expect(welcome!.key).toBe(keys.publicKey);
    expect(welcome!.claims).toMatchObject({ aud: push.origin, sub: ORIGIN });
    expect(welcome!.claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(welcome!.payload).toMatchObject({ title: "Outage Radar alerts are on", url: `${ORIGIN}/status/github` });

    const [github] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);
    const [incident] = await t.handle.db
      .insert(incidents)
      .values({ serviceId: github!.id, level: "outage", startedAt: now, detectedAt: now, regions: ["DE"] })
      .returning();
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${incident!.id}, 'opened', 'outage', ${now.toISOString()}::timestamptz)`,
    );
    await fanOut(t.handle.db, now);
    expect(await sendDueAlerts(t.handle.db, context())).toEqual({ messages: 1, sent: 1 });
    expect(push.received[1]!.payload).toEqual({
      title: "GitHub is down",
      body: expect.stringContaining("Germany"),
      url: `${ORIGIN}/incidents/${incident!.id}`,
    });
  });

  it("forgets a subscription the push service says is gone", async () => {
    // The browser was subscribed, then dropped the subscription (410 from then on).
    const stale = await requestSubscription(
      t.handle.db,
      subscriptionRequestSchema.parse({ push: push.subscription("/push/browser-2"), services: ["github"] }),
      context(),
    );
    expect(stale.ok).toBe(true);
    await t.handle.db.execute(sql`
      update alert_subscriptions set target = ${alertSecrets().targets.seal(JSON.stringify(push.subscription("/gone/browser-2")))}
      where id = (select max(id) from alert_subscriptions)`);
    const [incident] = await rows<{ id: number }>(t.handle.db, sql`select max(id)::int as id from incidents`);
    const later = new Date(now.getTime() + 3_600_000);
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${incident!.id}, 'resolved', 'outage', ${later.toISOString()}::timestamptz)`,
    );
    await fanOut(t.handle.db, later);
    await sendDueAlerts(t.handle.db, { ...context(), now: new Date(later.getTime() + 3_600_000) });
    const left = await rows<{ n: number }>(t.handle.db, sql`select count(*)::int as n from alert_subscriptions`);
    expect(left[0]!.n).toBe(1);
  });
});
