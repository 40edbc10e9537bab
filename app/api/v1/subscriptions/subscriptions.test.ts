import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { setDbHandle } from "@/lib/db";
import { config } from "@/lib/config";
import { resetSubscriptionLimits } from "@/lib/alerts/subscribe";
import { testTargets, type TestDb } from "@/test/db";
import { POST as subscribe } from "./route";
import { POST as confirm } from "./confirm/route";
import { DELETE as remove, GET as view } from "./[token]/route";
import { POST as oneClick } from "./[token]/unsubscribe/route";

const post = (body: unknown) =>
  new Request("http://radar.test/api/v1/subscriptions", {
    method: "POST",
    headers: { "content-type": "application/json", host: "radar.test" },
    body: JSON.stringify(body),
  });
const tokenParams = (token: string) => ({ params: Promise.resolve({ token }) });

describe.each(testTargets())("subscriptions API on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
    setDbHandle(t.handle);
    resetSubscriptionLimits();
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await t.drop();
  });

  it("says what is wrong with a request, field by field", async () => {
    const response = await subscribe(post({ email: "not an address", services: [], level: "sometimes" }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; issues: { field: string }[] } };
    expect(error.code).toBe("invalid_input");
    expect(error.issues.map((i) => i.field).sort()).toEqual(["email", "level", "services"]);
    const both = await subscribe(
      post({
        email: "a@example.com",
        chat: { platform: "slack", url: "https://hooks.slack.com/x" },
        services: ["tiktok"],
      }),
    );
    expect((await both.json()) as unknown).toMatchObject({
      error: { issues: [{ field: "channel", message: "give exactly one channel: email, push or chat" }] },
    });
    // Chat webhooks follow the admin webhooks' rules: https and no internal address.
    const internal = await subscribe(
      post({ chat: { platform: "webhook", url: "http://127.0.0.1:9/x" }, services: ["tiktok"] }),
    );
    expect(await internal.json()).toMatchObject({
      error: { issues: [{ field: "chat.url", message: "must be an https:// URL" }] },
    });
    const unknown = await subscribe(post({ email: "a@example.com", services: ["tiktok", "nosuch"] }));
    expect(unknown.status).toBe(400);
  });

  it("e-mail: 202 and a confirmation in the outbox (demo only); confirm, read, and one-click unsubscribe", async () => {
    const response = await subscribe(
      post({ email: "api@example.com", services: ["tiktok", "discord"], level: "outage" }),
    );
    if (!config().demo) {
      // A server database without SMTP_URL is a deployment that cannot send: it says so instead of pretending.
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: { code: "unavailable", message: expect.stringContaining("SMTP_URL") },
      });
      return;
    }
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "confirmation_sent", expiresAt: expect.any(String) });
    const [mail] = await rows<{ to: string; subject: string; text: string }>(
      t.handle.db,
      sql`select "to", subject, text from local_mail`,
    );
    expect(mail).toMatchObject({ to: "api@example.com", subject: "Confirm your Outage Radar alerts" });
    const token = decodeURIComponent(/confirm\?token=(\S+)/.exec(mail!.text)![1]!);

    const wrong = await confirm(
      new Request("http://radar.test/x", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: "v1.nope" }),
      }),
    );
    expect(wrong.status).toBe(404);
    const confirmed = await confirm(
      new Request("http://radar.test/x", {
        method: "POST",
        headers: { "content-type": "application/json", host: "radar.test" },
        body: JSON.stringify({ token }),
      }),
    );
    expect(confirmed.status).toBe(201);
    const { manageUrl } = (await confirmed.json()) as { manageUrl: string };
    const manage = manageUrl.split("/").at(-1)!;
    expect(manageUrl).toBe(`http://radar.test/alerts/manage/${manage}`);

    const shown = await view(new Request("http://radar.test/x"), tokenParams(manage));
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({
      channel: "email",
      target: "ap…@example.com",
      level: "outage",
      services: [{ slug: "discord" }, { slug: "tiktok" }],
      deliveries: [],
    });

    const left = await oneClick(
      new Request("http://radar.test/x", { method: "POST", body: "List-Unsubscribe=One-Click" }),
      tokenParams(manage),
    );
    expect(left.status).toBe(200);
    expect((await view(new Request("http://radar.test/x"), tokenParams(manage))).status).toBe(404);
    expect((await remove(new Request("http://radar.test/x", { method: "DELETE" }), tokenParams(manage))).status).toBe(
      404,
    );
    expect(await rows(t.handle.db, sql`select id from alert_subscriptions`)).toEqual([]);
  });
});
