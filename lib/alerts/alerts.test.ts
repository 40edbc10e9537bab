import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { startInbox } from "@/test/smtp-inbox";
import { MINUTE, store, T0, traffic } from "@/test/traffic";
import { runTick } from "@/lib/incidents/tick";
import type { Config } from "@/lib/config";
import { verifySignature } from "@/lib/webhooks/signature";
import { fanOut, MIN_GAP_S, QUIET_S, sendDueAlerts, STALE_MINUTES } from "./dispatch";
import { alertSecrets, readManageToken } from "./links";
import { createMailer } from "./mailer";
import type { SendContext } from "./send";
import {
  CONFIRMATIONS_PER_ADDRESS_HOUR,
  confirmSubscription,
  dropService,
  requestSubscription,
  resetSubscriptionLimits,
  unsubscribe,
} from "./subscribe";
import { subscriptionView } from "./view";
import { vapidKeys } from "./vapid";
import { subscriptionRequestSchema } from "./schemas";

const ORIGIN = "https://radar.example";
// The receivers listen on loopback, which only a development deployment may call.
const LOCAL = { allowInsecure: true };

interface Posted {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe.each(testTargets())("alerts on $name", (target) => {
  let t: TestDb;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  let chat: Server;
  let chatUrl = "";
  const posted: Posted[] = [];
  const ids: Record<string, number> = {};

  const context = (now: Date): SendContext & { origin: string; source: string } => ({
    origin: ORIGIN,
    source: "198.51.100.0/24",
    mailer: createMailer(t.handle.db, {
      SMTP_URL: inbox.url,
      MAIL_FROM: "Outage Radar <alerts@radar.example>",
    } as Config),
    policy: LOCAL,
    vapid: () => vapidKeys(t.handle.db, alertSecrets().targets),
    pushContact: "mailto:alerts@radar.example",
    now,
  });
  const subscribe = (body: unknown, now = new Date(T0)) =>
    requestSubscription(t.handle.db, subscriptionRequestSchema.parse(body), context(now));
  const dispatch = async (now: Date) => {
    await fanOut(t.handle.db, now);
    return sendDueAlerts(t.handle.db, context(now));
  };
  const count = async (table: string) =>
    (await rows<{ n: number }>(t.handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await target.open();
    inbox = await startInbox();
    chat = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        posted.push({ path: req.url ?? "", headers: req.headers, body });
        res.writeHead(req.url?.startsWith("/broken") ? 404 : 200).end("ok");
      });
    });
    await new Promise<void>((resolve) => chat.listen(0, "127.0.0.1", resolve));
    chatUrl = `http://127.0.0.1:${(chat.address() as AddressInfo).port}`;
    for (const slug of ["github", "netflix", "tiktok", "discord"]) {
      const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = ${slug}`);
      ids[slug] = svc!.id;
      const history = [];
      for (let m = -2 * 1440; m < 0; m += 2)
        history.push(...traffic(svc!.id, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
      await store(t, history);
    }
    await runTick(t.handle.db, new Date(T0 + 30_000));
  }, 180_000);
  afterAll(async () => {
    await inbox.close();
    await new Promise((resolve) => chat.close(resolve));
    await t.drop();
  });
  beforeEach(() => resetSubscriptionLimits());

  it("asks an e-mail address to confirm, and stores nothing until it does", async () => {
    const asked = await subscribe({ email: " Ana@Example.com ", services: ["github"], level: "possible" });
    expect(asked).toMatchObject({ ok: true, value: { status: "confirmation_sent" } });
    expect(inbox.received).toHaveLength(1);
    const [confirmation] = inbox.received;
    expect(confirmation!.to).toEqual(["ana@example.com"]);
    expect(confirmation!.mail.subject).toBe("Confirm your Outage Radar alerts");
    expect(confirmation!.mail.text).toContain("GitHub");
    expect(confirmation!.mail.html).toContain("Confirm alerts");
    // Double opt-in: no subscription, and the address is nowhere in the database.
    expect(await count("alert_subscriptions")).toBe(0);
    const link = /https:\/\/radar\.example\/alerts\/confirm\?token=(\S+)/.exec(confirmation!.mail.text!)!;
    const token = decodeURIComponent(link[1]!);

    // A day later the link no longer works; a changed one never did.
    const late = await confirmSubscription(t.handle.db, token, {
      origin: ORIGIN,
      now: new Date(T0 + 25 * 60 * MINUTE),
    });
    expect(late).toMatchObject({ ok: false, kind: "gone" });
    const forged = await confirmSubscription(t.handle.db, `${token.slice(0, -4)}AAAA`, {
      origin: ORIGIN,
      now: new Date(T0),
    });
    expect(forged).toMatchObject({ ok: false, kind: "not_found" });

    const confirmed = await confirmSubscription(t.handle.db, token, { origin: ORIGIN, now: new Date(T0 + MINUTE) });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.value.manageUrl).toBe(`${ORIGIN}/alerts/manage/${confirmed.value.token}`);
    const [stored] = await rows<{ target: string; service_ids: number[] }>(
      t.handle.db,
      sql`select target, service_ids from alert_subscriptions`,
    );
    // Sealed at rest: a dump of the database does not show the address.
    expect(stored!.target).not.toContain("ana");
    expect(stored!.service_ids).toEqual([ids.github]);
    // Using the link twice keeps one subscription.
    const again = await confirmSubscription(t.handle.db, token, { origin: ORIGIN, now: new Date(T0 + 2 * MINUTE) });
    expect(again).toMatchObject({ ok: true, value: { token: confirmed.value.token } });
    expect(await count("alert_subscriptions")).toBe(1);
  });

  it("limits confirmation e-mails per address and requests per network", async () => {
    for (let i = 0; i < CONFIRMATIONS_PER_ADDRESS_HOUR; i++)
      expect((await subscribe({ email: "flood@example.com", services: ["github"] })).ok).toBe(true);
    const refused = await subscribe({ email: "flood@example.com", services: ["github"] });
    expect(refused).toMatchObject({ ok: false, kind: "rate_limited" });
    expect(inbox.received.filter((r) => r.to[0] === "flood@example.com")).toHaveLength(CONFIRMATIONS_PER_ADDRESS_HOUR);
    for (let i = 0; i < 6; i++) await subscribe({ email: `other${i}@example.com`, services: ["github"] });
    const network = await subscribe({ email: "new@example.com", services: ["github"] });
    expect(network).toMatchObject({
      ok: false,
      kind: "rate_limited",
      message: expect.stringContaining("your network"),
    });
    expect(
      await subscribe({ email: "new@example.com", services: ["nope"] }, new Date(T0 + 2 * 3_600_000)),
    ).toMatchObject({
      ok: false,
      kind: "invalid_input",
      message: expect.stringContaining('"nope"'),
    });
  });

  it("subscribes a chat channel after a test message in its own format, and refuses one that fails", async () => {
    const slack = await subscribe({ chat: { platform: "slack", url: `${chatUrl}/slack` }, services: ["github"] });
    expect(slack).toMatchObject({ ok: true, value: { status: "subscribed" } });
    const test = posted.find((p) => p.path === "/slack")!;
    const body = JSON.parse(test.body) as { text: string; blocks: unknown[] };
    expect(body.text).toContain("Outage Radar alerts are on");
    expect(body.blocks.length).toBeGreaterThan(0);

    const broken = await subscribe({ chat: { platform: "discord", url: `${chatUrl}/broken` }, services: ["github"] });
    expect(broken).toMatchObject({
      ok: false,
      kind: "invalid_input",
      issues: [{ field: "chat.url", message: "the test message was not accepted: the receiver answered 404" }],
    });
    const webhook = await subscribe({ chat: { platform: "webhook", url: `${chatUrl}/hook` }, services: ["github"] });
    if (!webhook.ok) throw new Error(webhook.message);
    const signed = posted.find((p) => p.path === "/hook")!;
    expect(
      verifySignature(
        String(signed.headers["outage-radar-signature"]),
        webhook.value.secret!,
        signed.body,
        new Date(T0),
      ),
    ).toBe(true);
    expect(signed.headers["outage-radar-event"]).toBe("alert.test");
    // Outside development, a Slack subscription must point at Slack.
    const strict = await requestSubscription(
      t.handle.db,
      subscriptionRequestSchema.parse({
        chat: { platform: "slack", url: "https://example.com/x" },
        services: ["github"],
      }),
      { ...context(new Date(T0)), policy: { allowInsecure: false } },
    );
    expect(strict).toMatchObject({
      ok: false,
      issues: [{ field: "chat.url", message: expect.stringContaining("hooks.slack.com") }],
    });
  });

  it("tells each subscriber once per change when an incident opens and resolves, with the links", async () => {
    inbox.received.length = 0;
    posted.length = 0;
    await store(t, traffic(ids.github!, T0, T0 + 30 * MINUTE, 40));
    await runTick(t.handle.db, new Date(T0 + 31 * MINUTE));
    let now = new Date(T0 + 31 * MINUTE);
    const first = await dispatch(now);
    // The e-mail subscriber, Slack and the signed webhook: one message each.
    expect(first).toEqual({ messages: 3, sent: 3 });
    expect(inbox.received).toHaveLength(1);
    const [alert] = inbox.received;
    expect(alert!.to).toEqual(["ana@example.com"]);
    expect(alert!.mail.subject).toMatch(/GitHub/);
    const [incident] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.github} order by id desc limit 1`,
    );
    expect(alert!.mail.text).toContain(`${ORIGIN}/incidents/${incident!.id}`);
    expect(alert!.mail.html).toContain(`${ORIGIN}/incidents/${incident!.id}`);
    const unsubscribeHeader = alert!.headers.get("list-unsubscribe")!;
    const token = /\/api\/v1\/subscriptions\/([^/]+)\/unsubscribe>$/.exec(unsubscribeHeader)![1]!;
    expect(unsubscribeHeader).toBe(`<${ORIGIN}/api/v1/subscriptions/${token}/unsubscribe>`);
    expect(alert!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(alert!.mail.text).toContain(`${ORIGIN}/alerts/unsubscribe/${token}`);
    expect(alert!.mail.html).not.toMatch(/<img/i);
    const slack = posted.filter((p) => p.path === "/slack");
    expect(slack).toHaveLength(1);
    expect(JSON.parse(slack[0]!.body).text).toMatch(/GitHub/);
    expect(posted.find((p) => p.path === "/hook")!.headers["outage-radar-event"]).toBe("alert.alert");

    // Nothing is sent twice.
    expect(await dispatch(new Date(now.getTime() + 5_000))).toEqual({ messages: 0, sent: 0 });

    await store(t, traffic(ids.github!, T0 + 30 * MINUTE, T0 + 150 * MINUTE, 1));
    now = new Date(T0 + 151 * MINUTE);
    await runTick(t.handle.db, now);
    // The recovery waits for a quiet period after the calm began (here the tick caught up on the
    // past, so that was long ago)...
    const [resolved] = await rows<{ at: Date }>(
      t.handle.db,
      sql`select at from alert_events where change = 'resolved'`,
    );
    const calm = new Date(resolved!.at).getTime();
    expect(await dispatch(new Date(calm + QUIET_S * 1000 - 1000))).toEqual({ messages: 0, sent: 0 });
    // ...and then goes out once.
    const after = new Date(calm + QUIET_S * 1000 + 1000);
    expect(await dispatch(after)).toEqual({ messages: 3, sent: 3 });
    expect(inbox.received.map((r) => r.mail.subject)).toEqual([alert!.mail.subject, "GitHub is back to normal"]);
    const view = await subscriptionView(t.handle.db, token);
    expect(view).toMatchObject({ channel: "email", target: "an…@example.com", services: [{ slug: "github" }] });
    expect(view!.deliveries.every((d) => d.state === "sent" && d.sentAt !== null)).toBe(true);
    expect(view!.deliveries[0]).toMatchObject({
      change: "resolved",
      note: "GitHub is back to normal",
      incidentId: incident!.id,
    });
  }, 120_000);

  it("sends one digest when many of a subscriber's services break at once, then waits between messages", async () => {
    const many = await subscribe({
      chat: { platform: "teams", url: `${chatUrl}/teams` },
      services: ["netflix", "tiktok", "discord"],
    });
    if (!many.ok) throw new Error(many.message);
    posted.length = 0;
    const start = T0 + 400 * MINUTE;
    for (const slug of ["netflix", "tiktok", "discord"])
      await store(t, traffic(ids[slug]!, start, start + 20 * MINUTE, 40));
    await runTick(t.handle.db, new Date(start + 21 * MINUTE));
    expect(await dispatch(new Date(start + 21 * MINUTE))).toMatchObject({ messages: 1, sent: 1 });
    const teams = posted.filter((p) => p.path === "/teams");
    expect(teams).toHaveLength(1);
    const card = JSON.parse(teams[0]!.body).attachments[0].content;
    expect(card.body[0].text).toBe("Problems at 3 of your services");
    for (const name of ["Netflix", "TikTok", "Discord"]) expect(card.body[1].text).toContain(name);

    // A change soon after waits until MIN_GAP_S has passed since that message.
    const [netflix] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.netflix} order by id desc limit 1`,
    );
    const soon = new Date(start + 22 * MINUTE);
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${netflix!.id}, 'escalated', 'outage', ${soon.toISOString()}::timestamptz)`,
    );
    expect(await dispatch(soon)).toEqual({ messages: 0, sent: 0 });
    expect(await dispatch(new Date(start + 21 * MINUTE + MIN_GAP_S * 1000 + 1000))).toEqual({ messages: 1, sent: 1 });
    expect(posted.filter((p) => p.path === "/teams")).toHaveLength(2);
  }, 120_000);

  it("holds back a recovery and the relapse that follows it within the quiet period", async () => {
    const [a, b] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.github} order by id limit 2`,
    );
    const at = new Date(T0 + 2000 * MINUTE);
    await t.handle.db.execute(sql`insert into alert_events (incident_id, change, level, at) values
      (${a!.id}, 'resolved', 'outage', ${at.toISOString()}::timestamptz),
      (${(b ?? a)!.id}, 'opened', 'outage', ${new Date(at.getTime() + 5 * MINUTE).toISOString()}::timestamptz)`);
    posted.length = 0;
    await dispatch(new Date(at.getTime() + 5 * MINUTE));
    const held = await rows<{ change: string; state: string; note: string }>(
      t.handle.db,
      sql`select change, state, note from alert_deliveries where changed_at >= ${at.toISOString()}::timestamptz order by id`,
    );
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((d) => d.state === "skipped")).toBe(true);
    expect(held.find((d) => d.change === "resolved")!.note).toContain("broke again");
    expect(await dispatch(new Date(at.getTime() + 30 * MINUTE))).toEqual({ messages: 0, sent: 0 });
    expect(posted).toHaveLength(0);
  });

  it("sends nothing about an incident a moderator merged away, and retries what the relay deferred", async () => {
    const [inc] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.github} order by id limit 1`,
    );
    const [into] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.netflix} limit 1`,
    );
    const at = new Date(T0 + 3000 * MINUTE);
    await t.handle.db.execute(sql`update incidents set merged_into = ${into!.id} where id = ${inc!.id}`);
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${inc!.id}, 'escalated', 'outage', ${at.toISOString()}::timestamptz)`,
    );
    inbox.received.length = 0;
    await dispatch(at);
    expect(inbox.received).toHaveLength(0);
    const [merged] = await rows<{ state: string; note: string }>(
      t.handle.db,
      sql`select state, note from alert_deliveries where changed_at = ${at.toISOString()}::timestamptz limit 1`,
    );
    expect(merged).toEqual({ state: "skipped", note: `not sent: a moderator merged this incident into #${into!.id}` });
    await t.handle.db.execute(sql`update incidents set merged_into = null where id = ${inc!.id}`);

    // The relay says "try again later": the alert waits and goes through on the retry.
    const later = new Date(at.getTime() + 60 * MINUTE);
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${inc!.id}, 'escalated', 'outage', ${later.toISOString()}::timestamptz)`,
    );
    inbox.refuseNext(1);
    await dispatch(later);
    const [deferred] = await rows<{ state: string; note: string; attempts: number }>(
      t.handle.db,
      sql`select d.state, d.note, d.attempts from alert_deliveries d join alert_subscriptions s on s.id = d.subscription_id
          where s.channel = 'email' and d.changed_at = ${later.toISOString()}::timestamptz`,
    );
    expect(deferred).toEqual({ state: "pending", note: "the mail relay refused the message (451)", attempts: 1 });
    await dispatch(new Date(later.getTime() + Math.max(MIN_GAP_S, 40) * 1000));
    expect(inbox.received).toHaveLength(1);
  });

  it("does not send news of a change over an hour old (a tick catching up on missed minutes)", async () => {
    const [inc] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from incidents where service_id = ${ids.github} order by id limit 1`,
    );
    const at = new Date(T0 + 5000 * MINUTE);
    await t.handle.db.execute(
      sql`insert into alert_events (incident_id, change, level, at) values (${inc!.id}, 'escalated', 'outage', ${at.toISOString()}::timestamptz)`,
    );
    const before = await count("alert_deliveries");
    await dispatch(new Date(at.getTime() + (STALE_MINUTES + 1) * MINUTE));
    expect(await count("alert_deliveries")).toBe(before);
    const [event] = await rows<{ fanned: boolean }>(
      t.handle.db,
      sql`select fanned_at is not null as fanned from alert_events order by id desc limit 1`,
    );
    expect(event!.fanned).toBe(true);
  });

  it("stops a service or everything with the manage link, and forgets the subscriber", async () => {
    const [email] = await rows<{ id: number }>(
      t.handle.db,
      sql`select id from alert_subscriptions where channel = 'email'`,
    );
    const secrets = alertSecrets();
    const view = await subscriptionView(t.handle.db, `${email!.id}.AAAAAAAAAAAAAAAAAAAAAA`, secrets);
    expect(view).toBeNull();
    const teams = (
      await rows<{ id: number }>(t.handle.db, sql`select id from alert_subscriptions where channel = 'teams'`)
    )[0]!;
    const teamsToken = (await import("./links")).manageToken(secrets, teams.id);
    expect(readManageToken(secrets, teamsToken)).toBe(teams.id);
    expect(await dropService(t.handle.db, teamsToken, "tiktok")).toEqual({ ok: true, value: undefined });
    expect((await subscriptionView(t.handle.db, teamsToken))!.services.map((s) => s.slug)).toEqual([
      "discord",
      "netflix",
    ]);

    const token = (await import("./links")).manageToken(secrets, email!.id);
    expect((await subscriptionView(t.handle.db, token))!.deliveries.length).toBeGreaterThan(0);
    expect(await unsubscribe(t.handle.db, token)).toEqual({ ok: true, value: undefined });
    const left = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from alert_deliveries where subscription_id = ${email!.id}`,
    );
    expect(left[0]!.n).toBe(0);
    expect(await unsubscribe(t.handle.db, token)).toMatchObject({ ok: false, kind: "not_found" });
    expect(await subscriptionView(t.handle.db, token)).toBeNull();
  });

  it("speaks each subscriber's language: the confirmation, the alerts and the pages they link to", async () => {
    inbox.received.length = 0;
    posted.length = 0;
    const asked = await subscribe({ email: "lena@example.com", services: ["tiktok"], locale: "de" });
    expect(asked.ok).toBe(true);
    const [confirmation] = inbox.received;
    expect(confirmation!.mail.subject).toBe("Bestätige deine Benachrichtigungen von Outage Radar");
    expect(confirmation!.mail.html).toContain('<html lang="de">');
    const link = /https:\/\/radar\.example\/de\/alerts\/confirm\?token=(\S+)/.exec(confirmation!.mail.text!)!;
    const confirmed = await confirmSubscription(t.handle.db, decodeURIComponent(link[1]!), {
      origin: ORIGIN,
      now: new Date(T0 + MINUTE),
    });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.value.manageUrl).toBe(`${ORIGIN}/de/alerts/manage/${confirmed.value.token}`);
    const french = await subscribe({
      chat: { platform: "slack", url: `${chatUrl}/slack-fr` },
      services: ["tiktok"],
      locale: "fr",
    });
    expect(french.ok).toBe(true);
    const welcome = JSON.parse(posted.find((p) => p.path === "/slack-fr")!.body) as { text: string; blocks: unknown[] };
    expect(welcome.text).toContain("Les alertes Outage Radar sont activées");
    expect(JSON.stringify(welcome.blocks)).toContain("/fr/status/tiktok|Ouvrir sur Outage Radar>");

    inbox.received.length = 0;
    const start = T0 + 7000 * MINUTE;
    await store(t, traffic(ids.tiktok!, start, start + 20 * MINUTE, 40));
    await runTick(t.handle.db, new Date(start + 21 * MINUTE));
    await dispatch(new Date(start + 21 * MINUTE));
    const [alert] = inbox.received.filter((r) => r.to[0] === "lena@example.com");
    expect(alert!.mail.subject).toMatch(/^(TikTok ist gestört|Mögliche Probleme bei TikTok)$/);
    expect(alert!.mail.text).toMatch(/https:\/\/radar\.example\/de\/incidents\/\d+/);
    expect(alert!.mail.text).toContain(`${ORIGIN}/de/alerts/unsubscribe/`);
    expect(alert!.mail.text).toContain("Abmelden");
    const slack = posted.filter((p) => p.path === "/slack-fr");
    expect(JSON.parse(slack.at(-1)!.body).text).toMatch(/TikTok/);
    expect(JSON.parse(slack.at(-1)!.body).text).not.toMatch(/reporting|is down/);
  }, 120_000);
});
