import { expect, test } from "@playwright/test";
import { ServicePage } from "./pages";

// "Why is it down?" The e2e server runs the demo's vendors' status pages (each in its platform's
// own format, over HTTP on loopback), the `aws` scenario (twelve AWS services and AWS itself fail at
// once, and AWS's page admits it twelve minutes in) and the `comcast` scenario (Comcast's users
// report ten unrelated services while everyone else reports as usual).

test("a service page shows what the company's own status page says", async ({ page, request }) => {
  const service = new ServicePage(page);
  await service.open("github");
  const official = page.getByTestId("official-status");
  await expect(official).toContainText("Official status: Degraded");
  await expect(official).toContainText(/updated (just now|\d+ min ago)/);
  await expect(official.getByRole("link", { name: "Delays in GitHub Actions job starts" })).toBeVisible();
  await expect(official.getByRole("link", { name: "GitHub's status page" })).toHaveAttribute(
    "href",
    "https://www.githubstatus.com",
  );

  const api = (await (await request.get("/api/v1/services/github")).json()) as { official: Record<string, unknown> };
  expect(api.official).toMatchObject({
    status: "degraded",
    stale: false,
    incident: { title: "Delays in GitHub Actions job starts" },
  });
  // No feed, no official line.
  await service.open("tiktok");
  await expect(page.getByTestId("official-status")).toHaveCount(0);
});

test("twelve AWS services at once name AWS as the likely common cause, with the evidence", async ({
  page,
  request,
}) => {
  // AWS's own page is read within seconds of the server starting.
  await expect
    .poll(async () => ((await (await request.get("/api/v1/services/aws")).json()) as { official: unknown }).official)
    .not.toBeNull();
  await page.goto("/");
  const cause = page.getByTestId("common-cause").filter({ hasText: "Amazon Web Services" });
  await expect(cause).toContainText("Likely common cause: Amazon Web Services (12 services at once)");
  await cause.getByRole("link", { name: "The evidence" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Likely common cause: Amazon Web Services");
  const table = page.getByTestId("cause-services");
  await expect(table.locator("tbody tr")).toHaveCount(12);
  await expect(table).toContainText("Netflix");
  await expect(page.getByTestId("cause-evidence")).toContainText("Amazon Web Services's own status page said");

  // An affected service says so, and so does its incident.
  await table.getByRole("link", { name: "Netflix" }).click();
  await expect(page.getByTestId("common-cause")).toContainText("Also affected:");
  await page.getByRole("region", { name: "Recent Netflix incidents" }).getByRole("link").first().click();
  await expect(page.getByTestId("incident-cause")).toContainText("Amazon Web Services: 12 services broke at once");
});

test("an incident page says whether the crowd or the official page was first", async ({ page }) => {
  const service = new ServicePage(page);
  await service.open("aws");
  await page.getByRole("region", { name: "Recent Amazon Web Services incidents" }).getByRole("link").first().click();
  const official = page.getByTestId("incident-official");
  await expect(official).toContainText("Amazon Web Services posted");
  await expect(official).toContainText(
    /Reports rose \d+ minutes? before the official status page changed\.|The official status page changed \d+ minutes? before reports rose\./,
  );
});

test("Comcast's users reporting many services is a network problem, with a page of its own", async ({ page }) => {
  // The home page lists every network in trouble, one notice each; Comcast's is the scripted one.
  const comcast = page.locator('[data-testid="isp-notice"][data-asn="7922"]');
  await page.goto("/");
  await expect(comcast).toContainText(/Problems reported by Comcast Cable Communications users across \d+ services/);

  const service = new ServicePage(page);
  await service.open("youtube");
  await expect(comcast).toContainText(
    "If you are on Comcast Cable Communications, the problem with YouTube is probably your connection",
  );
  await comcast.getByRole("link", { name: "Comcast Cable Communications" }).click();
  await expect(page).toHaveURL(/\/isp\/7922$/);
  await expect(page.getByTestId("isp-status")).toHaveAttribute("data-level", "possible");
  await expect(page.getByTestId("isp-services")).toContainText("YouTube");
  await expect(page.getByTestId("isp-incidents").locator("tbody tr")).not.toHaveCount(0);
});

test("the report form picks the country and state from the visitor's address", async ({ browser }) => {
  // 8.8.8.8 is in California in the bundled database; Accept-Language alone would say Germany (and
  // sends this browser to the German page, whose form is the same).
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "8.8.8.8" }, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/status/tiktok");
  await expect(page).toHaveURL(/\/de\/status\/tiktok$/);
  const form = page.getByTestId("report-form");
  await expect(form.getByLabel("Land")).toHaveValue("US");
  await expect(form.getByLabel(/Region/)).toHaveValue("US-CA");
  // The visitor can still change it.
  await form.getByLabel("Land").selectOption("FR");
  await expect(form.getByLabel("Land")).toHaveValue("FR");
  await expect(form.getByRole("link", { name: "IP Geolocation by DB-IP" })).toBeVisible();
  await context.close();
});

test("the scorecard compares our incidents with the companies' own", async ({ page }) => {
  await page.goto("/about");
  const overall = page.getByTestId("scorecard-overall");
  await expect(overall.locator("tbody tr")).toHaveCount(3);
  await expect(overall).toContainText("30 days");
  await expect(overall).toContainText("365 days");
  await expect(page.getByTestId("scorecard-services")).toContainText("GitHub");
  await page.goto("/status/aws/incidents");
  const own = page.getByTestId("scorecard-service");
  await expect(own).toContainText("90 days");
  // AWS acknowledged the scenario's outage: at least one of ours is matched.
  await expect(own.locator("tbody tr").first().locator("td").first()).toContainText(/^[1-9]\d* of \d+/);
});
