// npm run bench:alerts — how long after an incident changes its subscribers have the message.
// Starts the deployed topology (deploy/stack: a throwaway primary and replica, two app instances,
// nginx), a real SMTP server and a chat receiver on this machine; subscribes e-mail addresses
// (confirmed from the e-mails received), Slack-format and signed-webhook receivers to one service
// through the public API; then many people on many networks report that service until the detector
// opens an incident. Meanwhile it reads the primary's alert outbox every 50 ms, so it knows when
// each incident change committed, and times every message from that moment to its arrival.
// Prints and writes bench/results/alerts.md and bench/results/alerts.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { quantileSorted } from "d3-array";
import postgres from "postgres";
import { startStack } from "@/deploy/stack/stack";
import { startInbox } from "@/test/smtp-inbox";

const SERVICE = { slug: "signal", name: "Signal", symptom: "messages" };
const EMAILS = 60;
const CHATS = 60;
const WEBHOOKS = 30;
const POLL_MS = 50;
const log = (m: string) => console.log(`[bench:alerts] ${m}`);
const round = (n: number) => Math.round(n);
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    messages: sorted.length,
    p50: round(quantileSorted(sorted, 0.5) ?? NaN),
    p90: round(quantileSorted(sorted, 0.9) ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
  };
};

interface Arrival {
  subscriber: string;
  channel: "email" | "slack" | "webhook";
  at: number;
  title: string;
}

async function main() {
  const inbox = await startInbox();
  const arrivals: Arrival[] = [];
  const chat = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const at = Date.now();
      const parsed = JSON.parse(body) as { text?: string; title?: string; type?: string };
      if (parsed.type !== "test" && !parsed.text?.startsWith("Outage Radar alerts are on"))
        arrivals.push({
          subscriber: req.url ?? "",
          channel: req.url?.startsWith("/slack") ? "slack" : "webhook",
          at,
          title: parsed.title ?? parsed.text?.split(":")[0] ?? "",
        });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => chat.listen(0, "127.0.0.1", resolve));
  const chatOrigin = `http://127.0.0.1:${(chat.address() as AddressInfo).port}`;

  log("starting the stack (primary, replica, two instances, nginx)…");
  const stack = await startStack({
    ports: { nginx: 8097, apps: [3125, 3126], primary: 5466, replica: 5467 },
    // Demo history gives the detector each service's usual level (a service with none is not judged).
    demo: true,
    env: { SMTP_URL: inbox.url, WEBHOOK_ALLOW_INSECURE: "on", DEMO_HISTORY_DAYS: "3" },
  });
  const primary = postgres(stack.primary.url, { max: 1, onnotice: () => {} });
  try {
    const [a, b] = stack.instances;
    // Straight to the instances, each request from its own network (they trust loopback's
    // X-Forwarded-For): the per-network limit is not what is measured here.
    const api = (path: string, body: unknown, n: number) =>
      fetch(`${(n % 2 ? a! : b!).origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `100.${n % 250}.${(n >> 8) + 1}.9` },
        body: JSON.stringify(body),
      });
    log(`subscribing ${EMAILS} e-mail addresses, ${CHATS} Slack webhooks and ${WEBHOOKS} signed webhooks…`);
    for (let i = 0; i < EMAILS; i++) {
      const r = await api("/api/v1/subscriptions", { email: `user${i}@example.com`, services: [SERVICE.slug] }, i);
      if (r.status !== 202) throw new Error(`e-mail subscription answered ${r.status}: ${await r.text()}`);
    }
    for (let i = 0; i < EMAILS; i++) {
      const mail = inbox.received.find((m) => m.to[0] === `user${i}@example.com`);
      const token = decodeURIComponent(/confirm\?token=(\S+)/.exec(mail?.mail.text ?? "")?.[1] ?? "");
      const r = await api("/api/v1/subscriptions/confirm", { token }, i);
      if (r.status !== 201) throw new Error(`confirmation answered ${r.status}`);
    }
    for (let i = 0; i < CHATS + WEBHOOKS; i++) {
      const platform = i < CHATS ? "slack" : "webhook";
      const r = await api(
        "/api/v1/subscriptions",
        { chat: { platform, url: `${chatOrigin}/${platform}/${i}` }, services: [SERVICE.slug] },
        1000 + i,
      );
      if (r.status !== 201) throw new Error(`chat subscription answered ${r.status}: ${await r.text()}`);
    }
    inbox.received.length = 0;

    // When each incident change became visible on the primary (the tick's commit), to within POLL_MS.
    // Only this service's changes from now on: the demo history's own incidents came before.
    const [last] = await primary<{ since: string }[]>`select coalesce(max(id), 0) as since from alert_events`;
    const since = last?.since ?? "0";
    const committed = new Map<number, { change: string; at: number }>();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const rows = await primary<{ id: string; change: string }[]>`
          select e.id, e.change from alert_events e
          join incidents i on i.id = e.incident_id join services s on s.id = i.service_id
          where s.slug = ${SERVICE.slug} and e.id > ${since}`;
        for (const r of rows)
          if (!committed.has(Number(r.id))) committed.set(Number(r.id), { change: r.change, at: Date.now() });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();

    log(`breaking ${SERVICE.name}: 15 reports from 15 networks every 10 s until every subscriber has an alert…`);
    const subscribers = EMAILS + CHATS + WEBHOOKS;
    const started = Date.now();
    let round_ = 0;
    const emailArrivals = () =>
      inbox.received.map((m) => ({
        subscriber: m.to[0]!,
        channel: "email" as const,
        at: m.at,
        title: m.mail.subject ?? "",
      }));
    while (Date.now() - started < 8 * 60_000) {
      const all = [...arrivals, ...emailArrivals()];
      if (new Set(all.map((x) => x.subscriber)).size >= subscribers) break;
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          fetch(`${a!.origin}/api/v1/reports`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `101.${round_ % 250}.${i + 1}.7` },
            body: JSON.stringify({ service: SERVICE.slug, symptom: SERVICE.symptom, country: "US" }),
          }),
        ),
      );
      round_++;
      if (round_ % 6 === 0) log(`${Math.round((Date.now() - started) / 1000)} s: ${all.length} alerts arrived`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
    // Anything sent twice would arrive within a few dispatch rounds.
    await new Promise((r) => setTimeout(r, 10_000));
    polling = false;
    await poll;

    const all = [...arrivals, ...emailArrivals()];
    const first = [...committed.values()].sort((x, y) => x.at - y.at)[0];
    if (!first) throw new Error("the detector never opened an incident");
    const perSubscriber = new Map<string, number>();
    for (const x of all) perSubscriber.set(x.subscriber, (perSubscriber.get(x.subscriber) ?? 0) + 1);
    const delays = (channel?: Arrival["channel"]) =>
      summary(all.filter((x) => !channel || x.channel === channel).map((x) => x.at - first.at));
    const result = {
      subscribers,
      incident_changes: [...committed.values()].map((c) => c.change),
      seconds_to_detection: round((first.at - started) / 1000),
      messages: all.length,
      subscribers_reached: perSubscriber.size,
      most_messages_per_subscriber: Math.max(...perSubscriber.values()),
      change_to_message_ms: {
        all: delays(),
        email: delays("email"),
        slack: delays("slack"),
        webhook: delays("webhook"),
      },
      generated_at: new Date().toISOString(),
    };
    const row = (name: string, s: ReturnType<typeof summary>) =>
      `| ${name} | ${s.messages} | ${s.p50} | ${s.p90} | ${s.max} |`;
    const md = [
      "# Alert delivery",
      "",
      `\`npm run bench:alerts\`: the stack of \`deploy/stack\` (a throwaway Postgres primary and streaming replica, two app instances, nginx) on this 2-core machine, with a real SMTP server (\`smtp-server\`) and an HTTP receiver for chat webhooks on loopback. ${EMAILS} e-mail addresses (subscribed and confirmed through the API), ${CHATS} Slack-format webhooks and ${WEBHOOKS} signed webhooks follow ${SERVICE.name}; then 15 people on 15 networks report it every 10 s until every subscriber has an alert.`,
      "",
      `- *Change to message*: from the moment the incident change is visible on the primary (the detector's commit; the bench reads the alert outbox every ${POLL_MS} ms) to the moment the SMTP server accepted the e-mail or the receiver got the POST. The alert job runs every 2 s on both instances.`,
      `- The detector opened the incident ${result.seconds_to_detection} s after the reports began; the changes seen: ${result.incident_changes.join(", ")}.`,
      `- Subscribers reached: ${result.subscribers_reached} of ${subscribers}; messages: ${result.messages}; most messages to one subscriber: ${result.most_messages_per_subscriber}.`,
      "",
      "| channel | messages | p50 ms | p90 ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      row("all", result.change_to_message_ms.all),
      row("e-mail", result.change_to_message_ms.email),
      row("Slack", result.change_to_message_ms.slack),
      row("signed webhook", result.change_to_message_ms.webhook),
      "",
    ].join("\n");
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/alerts.json", JSON.stringify(result, null, 2) + "\n");
    writeFileSync("bench/results/alerts.md", md);
    console.log("\n" + md);
  } finally {
    await primary.end();
    await stack.stop();
    await inbox.close();
    await new Promise((r) => chat.close(r));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
