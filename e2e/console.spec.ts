import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./console-token";

// The moderator console, as a moderator uses it: by keyboard, behind named tokens, every change in
// the audit log under the moderator's name. Both projects run against the same server, so each run
// issues tokens under names of its own.

async function signIn(page: Page, token: string) {
  await page.goto("/admin");
  await page.getByLabel("Token").focus();
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
}

const section = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name });

test("is never indexed, and asks for a token before showing anything", async ({ page, request }) => {
  const res = await request.get("/admin");
  expect(res.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^Disallow: \/admin$/m);

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await signIn(page, "ort_not-a-real-token");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("the token is not valid");
});

test("a named moderator hides and restores a comment by keyboard, and the audit log names them", async ({
  page,
}, info) => {
  const name = `Mo (${info.project.name} ${Date.now()})`;
  await signIn(page, E2E_ADMIN_TOKEN);
  await expect(page.getByRole("heading", { name: "Comments", level: 1 })).toBeVisible();

  // Issue Mo a token that may read and moderate, nothing more.
  await section(page, "Tokens").click();
  await page.getByLabel("Whose token").fill(name);
  await page.getByLabel("hide comments and amend incidents").check();
  await page.getByRole("button", { name: "Issue token" }).press("Enter");
  await expect(page.getByRole("status")).toContainText(`Token for ${name} issued`);
  const token = await page.getByLabel("Secret").inputValue();
  expect(token).toMatch(/^ort_/);
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, token);
  await expect(page.getByText(`signed in as ${name}`)).toBeVisible();
  const hide = page.getByRole("button", { name: /^Hide comment \d+:/ }).first();
  const id = /^Hide comment (\d+):/.exec((await hide.getAttribute("aria-label"))!)![1]!;
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: new RegExp(`comment ${id}:`) }) });
  await hide.focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toContainText("Comment hidden.");
  await expect(row.getByRole("cell", { name: "Hidden", exact: true })).toBeVisible();
  await row.getByRole("button", { name: new RegExp(`^Show comment ${id}:`) }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toContainText("Comment shown again.");
  await expect(row.getByRole("cell", { name: "Shown", exact: true })).toBeVisible();

  await section(page, "Audit log").click();
  const newest = page.getByRole("row").nth(1);
  await expect(newest).toContainText(name);
  await expect(newest).toContainText("report.show_text");
  await expect(newest).toContainText("127.0.0.0/24");

  // Mo may not hand out tokens.
  await page.goto("/admin/tokens");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `${name}'s token may not issue, rotate and revoke tokens`,
  );
});

test("a moderator sets an incident's cause and it shows on the public page", async ({ page }, info) => {
  // Each project sets a cause of its own, so the second run cannot pass on the first one's change.
  const cause = info.project.name === "phone" ? "Traffic surge" : "Maintenance";
  await signIn(page, E2E_ADMIN_TOKEN);
  await expect(page.getByText("signed in as")).toBeVisible();
  await section(page, "Incidents").click();
  const first = page.getByRole("region", { name: /^#\d+ / }).first();
  const heading = await first.getByRole("heading", { level: 2 }).innerText();
  const id = /^#(\d+)/.exec(heading)![1]!;
  await first.getByLabel("Cause").selectOption({ label: cause });
  await first.getByRole("button", { name: "Set cause" }).press("Enter");
  await expect(first.getByRole("status")).toContainText("Cause set.");
  await page.goto(`/incidents/${id}`);
  const facts = page.getByRole("region", { name: "What happened" });
  await expect(async () => {
    await page.reload();
    await expect(facts).toContainText(new RegExp(`Cause\\s*${cause}`), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test("a moderator posts an official update, splits an ended incident in two and merges it back", async ({
  page,
  request,
}, info) => {
  await signIn(page, E2E_ADMIN_TOKEN);
  await expect(page.getByText("signed in as")).toBeVisible();
  await section(page, "Incidents").click();
  // The newest ended incident (only those can be split or merged), held by its number from here on:
  // a split adds a newer one above it.
  const newestEnded = page
    .getByRole("region", { name: /^#\d+ / })
    .filter({ has: page.getByRole("button", { name: "Split" }) })
    .first();
  const id = /^#(\d+)/.exec(await newestEnded.getByRole("heading", { level: 2 }).innerText())![1]!;
  const incident = page.getByRole("region", { name: new RegExp(`^#${id} `) });
  const message = `Status page (${info.project.name}): a fix is rolling out`;
  await incident.getByLabel(/^Official update from/).fill(message);
  await incident.getByRole("button", { name: "Post update" }).press("Enter");
  await expect(incident.getByRole("status")).toContainText("Official update posted.");

  const { startedAt, endedAt } = (await (await request.get(`/api/v1/incidents/${id}`)).json()) as {
    startedAt: string;
    endedAt: string;
  };
  const middle = new Date((Date.parse(startedAt) + Date.parse(endedAt)) / 2).toISOString().slice(0, 16);
  await incident.getByLabel("Split at (UTC)").fill(middle);
  await incident.getByRole("button", { name: "Split" }).press("Enter");
  const splitDone = incident.getByRole("status").filter({ hasText: "Split:" });
  await expect(splitDone).toContainText("the later part is now incident #");
  const later = /incident #(\d+)/.exec(await splitDone.innerText())![1]!;
  const second = (await (await request.get(`/api/v1/incidents/${later}`)).json()) as { startedAt: string };
  expect(second.startedAt).toBe(`${middle}:00.000Z`);

  // It was one outage after all: the later part goes back into the first.
  const part = page.getByRole("region", { name: new RegExp(`^#${later} `) });
  await part.getByLabel("Same outage as incident number…").fill(id);
  await part.getByRole("button", { name: "Merge" }).press("Enter");
  await expect(page.getByRole("region", { name: new RegExp(`^#${later} `) })).toHaveCount(0);
  await page.goto(`/incidents/${later}`);
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}$`));
  // Public pages are kept for seconds for the crowd (PAGE_CACHE_SECONDS): the change shows on a reload.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(message)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

for (const path of ["/admin", "/admin/incidents", "/admin/webhooks", "/admin/audit", "/admin/tokens"]) {
  test(`${path} passes axe and runs with nothing refused by the policy`, async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await signIn(page, E2E_ADMIN_TOKEN);
    await expect(page.getByText("signed in as")).toBeVisible();
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious).toEqual([]);
    expect(refused).toEqual([]);
  });
}
