import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startInbox, type Received } from "../test/smtp-inbox";
import { freshClientIp } from "./pages";
import { E2E_SMTP_PORT } from "./smtp-port";

// Quiet services the journey may break on purpose; each run takes one that is calm right now. None of
// them is in a demo scenario (playwright.config.ts): those are broken, or nearly, on purpose.
const CANDIDATES = {
  desktop: ["signal", "bluesky", "threads"],
  phone: ["linkedin", "venmo", "nintendo-switch-online"],
};

let inbox: Awaited<ReturnType<typeof startInbox>>;
test.beforeAll(async () => {
  inbox = await startInbox(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await inbox.close();
});

interface Calm {
  slug: string;
  name: string;
  symptom: string;
}

async function calmService(request: APIRequestContext, slugs: string[]): Promise<Calm> {
  for (const slug of slugs) {
    const service = (await (await request.get(`/api/v1/services/${slug}`)).json()) as {
      name: string;
      status: string;
      openIncident: unknown;
      symptoms: { slug: string }[];
    };
    if (service.status === "ok" && !service.openIncident)
      return { slug, name: service.name, symptom: service.symptoms[0]!.slug };
  }
  throw new Error(`none of ${slugs.join(", ")} is calm`);
}

const mailTo = (to: string, subject: RegExp) => () =>
  inbox.received.find((r) => r.to.includes(to) && subject.test(r.mail.subject ?? ""));

/** Many people on many networks report the service, a burst every ten seconds, until `stop` says so. */
async function breakService(request: APIRequestContext, service: Calm, stop: () => boolean, net: number) {
  for (let round = 0; round < 40 && !stop(); round++) {
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        request.post("/api/v1/reports", {
          headers: { "x-forwarded-for": `${net}.${round}.${i + 1}.7` },
          data: { service: service.slug, symptom: service.symptom, country: "US" },
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

test("subscribe from a service page, confirm by e-mail, get an alert when it breaks, and leave in one click", async ({
  page,
  context,
  request,
}, info) => {
  test.setTimeout(360_000);
  await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
  const project = info.project.name as keyof typeof CANDIDATES;
  const service = await calmService(request, CANDIDATES[project]);
  const address = `e2e-${project}-${Date.now()}@example.com`;

  await page.goto(`/status/${service.slug}`);
  await page.getByRole("link", { name: "Notify me" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${service.name} outage alerts`);
  const form = page.getByTestId("subscribe-form");
  await expect(form.getByRole("checkbox", { name: service.name })).toBeChecked();
  await form.getByRole("radio", { name: "E-mail" }).check();
  await form.getByLabel("E-mail address").fill(address);
  await form.getByRole("button", { name: "Notify me" }).click();
  await expect(page.getByTestId("subscribe-result")).toContainText("Check your inbox");

  // Double opt-in: the link in the e-mail shows what it starts; only its button starts it.
  await expect.poll(mailTo(address, /Confirm/)).toBeTruthy();
  const confirmation = mailTo(address, /Confirm/)()!;
  const link = /(http\S+\/alerts\/confirm\?token=\S+)/.exec(confirmation.mail.text ?? "")![1]!;
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText(service.name, { exact: false }).first()).toBeVisible();
  await page.getByRole("button", { name: "Confirm alerts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your alerts");
  await expect(page.getByText("Your alerts are on.")).toBeVisible();

  // The service breaks: one e-mail says so, with the incident's link and a one-click unsubscribe.
  let alert: Received | undefined;
  const flood = breakService(request, service, () => alert !== undefined, project === "desktop" ? 100 : 101);
  await expect
    .poll(() => (alert = mailTo(address, new RegExp(service.name))()), { timeout: 300_000, intervals: [2_000] })
    .toBeTruthy();
  await flood;
  expect(alert!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  expect(alert!.headers.get("list-unsubscribe")).toMatch(/^<http\S+\/api\/v1\/subscriptions\/\S+\/unsubscribe>$/);
  expect(alert!.mail.html).toContain("/incidents/");
  expect(inbox.received.filter((r) => r.to.includes(address))).toHaveLength(2);

  // The e-mail's unsubscribe link: one button, and everything about the subscriber is gone.
  const unsubscribe = /Unsubscribe: (\S+)/.exec(alert!.mail.text ?? "")![1]!;
  await page.goto(new URL(unsubscribe).pathname);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
  const manage = /Manage or see what was sent: (\S+)/.exec(alert!.mail.text ?? "")![1]!;
  await page.goto(new URL(manage).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No alerts here");
});

test("subscribe a Slack channel from the alerts page: a test message arrives in Slack's format", async ({
  page,
  context,
}, info) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
  const posted: { path: string; body: { text: string; blocks: unknown[] } }[] = [];
  const slack = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      posted.push({ path: req.url ?? "", body: JSON.parse(body) as { text: string; blocks: unknown[] } });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", resolve));
  try {
    const hook = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/${info.project.name}`;
    await page.goto("/alerts");
    const form = page.getByTestId("subscribe-form");
    // Find and choose the services, pick Slack, give the URL, send with the keyboard.
    await form.getByRole("searchbox").fill("net");
    await form.getByRole("checkbox", { name: "Netflix" }).check();
    await form.getByRole("searchbox").fill("");
    await form.getByRole("checkbox", { name: "YouTube" }).check();
    await expect(form.getByTestId("picked")).toHaveText("Chosen: Netflix, YouTube");
    await form.getByRole("radio", { name: "Outages only" }).check();
    await form.getByRole("radio", { name: "Slack" }).check();
    await expect(form.getByLabel("E-mail address")).toBeHidden();
    await form.getByLabel("Webhook URL").fill(hook);
    await form.getByRole("button", { name: "Notify me" }).press("Enter");
    await expect(page.getByTestId("subscribe-result")).toContainText("Alerts are on.");
    const message = posted.find((p) => p.path.endsWith(info.project.name))!;
    expect(message.body.text).toBe(
      "Outage Radar alerts are on: You will hear here about outages at Netflix and YouTube.",
    );
    expect(message.body.blocks.length).toBeGreaterThan(0);
    await page.getByRole("link", { name: "manage your alerts" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your alerts");
    await expect(page.getByText("127.0.0.1/…")).toBeVisible();
    await expect(page.getByRole("button", { name: "Stop alerts about Netflix" })).toBeVisible();
  } finally {
    await new Promise((resolve) => slack.close(resolve));
  }
});
