import { expect, test, type Page } from "@playwright/test";
import { freshClientIp, ServicePage } from "./pages";
import { DIRECTORY_FIRST_CARDS } from "../lib/catalog/directory";

test.describe("report a problem", () => {
  // The browser's language decides Accept-Language, from which the form guesses the country.
  test.use({ locale: "de-DE" });
  test.beforeEach(async ({ context, baseURL }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
    // A German browser whose visitor chose English with the switcher (else the site answers in German).
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  });

  test("with JavaScript: the report is counted, the answer and the chart update without a reload", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("tiktok");
    await expect(service.banner()).toContainText("TikTok");
    // Region comes from Accept-Language when neither the address nor an edge header says, and stays editable.
    await expect(page.getByLabel("Country")).toHaveValue("DE");
    const bucketBefore = await service.latestBucket();
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    // Desktop and phone runs share the server: each writes its own comment.
    const comment = `Can't log in since lunch (${test.info().project.name})`;
    await service.report("Login", { country: "US", subdivision: "US-CA", text: comment });

    await expect(service.result()).toContainText("Thanks, your report is in.");
    await expect(service.result()).toContainText("Your comment is listed under What people say.");
    await expect(page.getByTestId("just-me")).toContainText(/in the last hour/);
    await expect.poll(() => service.bucketGrewSince(bucketBefore)).toBe(true);
    expect(await service.reportersLastHour()).toBeGreaterThan(0);
    // The comment is listed at once, with its problem and country (never the region).
    const said = service.texts().getByRole("listitem").filter({ hasText: comment });
    await expect(said).toContainText("Login · United States");
    await expect(said).not.toContainText("California");
    // Still the same document: no full reload happened.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    // The page carries a drawn sketch of the chart; the interactive one loads when pointed at.
    const chart = page.getByTestId("reports-chart");
    await expect(chart.getByTestId("chart-sketch")).toBeVisible();
    await chart.hover();
    await expect(chart.locator("svg.recharts-surface")).toBeVisible();

    // The same person again within the hour: kept, not counted, and told so, comment included.
    await service.report("App crashing", { text: "Second comment from the same person" });
    await expect(service.result()).toContainText("we already have your report");
    await expect(service.result()).toContainText("Your comment is not listed either");

    // The comment is on the page for everyone (pages may be a few seconds old, so reload until it
    // is there); the uncounted repeat's is not.
    await expect(async () => {
      await page.reload();
      await expect(said).toContainText("Login · United States", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(service.texts()).not.toContainText("Second comment from the same person");
    // The counting rule, in words a person reads (the e2e server keeps the default hour's cooldown).
    await expect(service.texts()).toContainText("one per person per hour.");
    await expect(page.getByTestId("report-form")).toContainText("We count one report per person per hour,");
  });

  test("the chart's table gives the usual level and the alarm level from the detector", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("instagram");
    await page.getByText("Show the chart as a table").click();
    const table = page.getByTestId("reports-table");
    await expect(table.getByRole("columnheader", { name: "Usual" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Alarm level" })).toBeVisible();
    const cells = table.locator("tbody tr").first().locator("td");
    const usual = Number(await cells.nth(2).textContent());
    const alarm = Number(await cells.nth(3).textContent());
    expect(usual).toBeGreaterThan(0);
    expect(alarm).toBeGreaterThan(usual);
  });

  test("a keyboard user who tabs to the chart lands in the interactive chart and steps through it", async ({
    page,
  }) => {
    const service = new ServicePage(page);
    await service.open("instagram");
    const chart = page.getByTestId("reports-chart");
    await expect(chart.locator("svg.recharts-surface")).toHaveCount(0);
    await chart.focus();
    const surface = chart.locator("svg.recharts-surface");
    await expect(surface).toBeVisible();
    // Focus moved from the sketch's box into recharts' keyboard layer, so the arrows work at once.
    await expect(chart).toHaveAttribute("aria-label", /use the arrow keys/);
    await expect(page.locator(":focus")).not.toHaveAttribute("data-testid", "reports-chart");
    await page.keyboard.press("ArrowRight");
    await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText("People reporting");
  });

  test.describe("with the connection dropped", () => {
    // page.route sees no request a service worker answers, and ours fetches build files itself.
    test.use({ serviceWorkers: "block" });

    test("if the interactive chart cannot load, the drawn one stays and the page goes on working", async ({ page }) => {
      const service = new ServicePage(page);
      await service.open("discord");
      // The connection drops after the page loaded: no further script arrives.
      await page.route("**/_next/static/chunks/**", (route) => route.abort());
      const chart = page.getByTestId("reports-chart");
      const refused = page.waitForEvent("requestfailed", (r) => r.url().includes("/_next/static/chunks/"));
      await chart.hover();
      await refused;
      await expect(chart.getByTestId("chart-sketch")).toBeVisible();
      await expect(chart.locator("svg.recharts-surface")).toHaveCount(0);
      await expect(service.banner()).toContainText("Discord");
    });
  });

  test("troubleshooting steps and the official status page are on the page", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("discord");
    await expect(page.getByRole("heading", { name: /Try these first/ })).toBeVisible();
    await expect(page.locator("#troubleshooting li").first()).toBeVisible();
    await expect(page.getByRole("link", { name: /official status page/ })).toHaveAttribute(
      "href",
      "https://discordstatus.com",
    );
  });

  test("unknown service shows a not-found page with status 404", async ({ page }) => {
    const response = await page.goto("/status/no-such-service");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /couldn.t find/ })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, the page answers and shows the new count", async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
    const service = new ServicePage(page);
    await service.open("youtube");
    const before = await service.latestBucket();
    const comment = `Buffering on every video (${test.info().project.name})`;
    await service.report("Video playback", { text: comment });
    await expect(service.result()).toContainText("Thanks, your report is in.");
    await expect(page.getByTestId("just-me")).toBeVisible();
    // The page that answers already lists the comment.
    await expect(service.texts().getByRole("listitem").first()).toContainText(comment);
    expect(await service.bucketGrewSince(before)).toBe(true);
    // The chart is drawn in the HTML, so it is there without JavaScript too (times in UTC, said so).
    const sketch = page.getByTestId("reports-chart").getByTestId("chart-sketch");
    await expect(sketch.locator('path[data-line="reports"]')).toHaveAttribute("d", /^M/);
    await expect(sketch).toContainText("UTC");
  });

  test("text over the limit is refused by the server with a message, and the input is kept", async ({
    page,
    context,
  }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
    const service = new ServicePage(page);
    await service.open("netflix");
    const tooLong = "Black screen. ".repeat(25); // 350 characters: the browser allows it, the server must not
    await service.report("Login", { text: tooLong });
    await expect(page.getByRole("alert")).toContainText("check the highlighted fields");
    await expect(page.locator("#text-error")).toContainText("at most 280 characters");
    await expect(page.getByLabel(/What happened/)).toHaveValue(tooLong);
    await expect(page.getByRole("radio", { name: "Login" })).toBeChecked();
    await expect(service.result()).toHaveCount(0);
  });
});

test("home lists every service with search and categories", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Is it down right now?" })).toBeVisible();
  const all = page.getByRole("list", { name: "Services" }).getByRole("listitem");
  expect(await all.count()).toBeGreaterThanOrEqual(40);
  await page.getByRole("searchbox", { name: "Filter services" }).fill("tik");
  await expect(all).toHaveCount(1);
  await all.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/status\/tiktok$/);
  // The main search goes straight to a service named by an alias.
  await page.goto("/");
  await page.getByRole("combobox", { name: "Find a service" }).fill("twitter");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page).toHaveURL(/\/status\/x$/);
  await page.goto("/?category=gaming");
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(categories.getByRole("link", { name: "Gaming", exact: true })).toHaveAttribute("aria-current", "page");
  const list = page.getByRole("list", { name: "Services" });
  await expect(list.getByTestId("service-steam")).toBeVisible();
  await expect(list.getByTestId("service-tiktok")).toHaveCount(0);
});

test("a misspelt name finds the service it nearly names, as you type and from the main search", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Filter services" }).fill("instagarm");
  await expect(page.getByRole("list", { name: "Services" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "services shown" })).toHaveText(
    "0 services shown. Did you mean Instagram?",
  );
  await page.getByRole("link", { name: "Instagram", exact: true }).click();
  await expect(page).toHaveURL(/\/status\/instagram$/);
  // The main search lands on the directory with the same question, drawn by the server.
  await page.goto("/");
  await page.getByRole("combobox", { name: "Find a service" }).fill("netflx");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page).toHaveURL(/\/\?q=netflx/);
  await expect(page.getByText("No service matches “netflx”.")).toContainText("Did you mean Netflix?");
  // Without JavaScript too: the suggestion is in the HTML the server sends.
  const html = await (await page.request.get("/?q=netflx")).text();
  expect(html).toMatch(/Did you mean(<!-- -->)? <a[^>]*href="\/status\/netflix"[^>]*>Netflix<\/a>/);
});

test.describe("the directory of all services", () => {
  const FIRST = DIRECTORY_FIRST_CARDS;
  const catalogSize = async (page: Page) =>
    Number((await page.getByText(/people using \d+ services/).textContent())?.match(/using (\d+)/)?.[1]);

  test("shows the busiest first and the rest on request, focus moving to the first new card", async ({ page }) => {
    await page.goto("/");
    const total = await catalogSize(page);
    expect(total).toBeGreaterThan(FIRST);
    const cards = page.getByRole("list", { name: "Services" }).getByRole("listitem");
    await expect(cards).toHaveCount(FIRST);
    await expect(page.getByRole("status").filter({ hasText: "services shown" })).toHaveText(
      `${FIRST} of ${total} services shown`,
    );
    const more = page.getByRole("link", { name: `Show all ${total} services` });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(cards).toHaveCount(total);
    await expect(more).toHaveCount(0);
    await expect(cards.nth(FIRST).getByRole("link")).toBeFocused();
    await expect(page).toHaveURL(/[?&]all=1/);
    // Every name is there in full, however long ("Microsoft …" could be Teams or Azure).
    const cut = await page
      .locator('[data-testid^="service-"] .name')
      .evaluateAll((names) => names.filter((n) => n.scrollWidth > n.clientWidth).map((n) => n.textContent));
    expect(cut).toEqual([]);
    // A filter narrows all of them, and a narrow one needs no button.
    await page.getByRole("searchbox", { name: "Filter services" }).fill("tik");
    await expect(cards).toHaveCount(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the link shows them all from the server", async ({ page }) => {
      await page.goto("/");
      const total = await catalogSize(page);
      const cards = page.getByRole("list", { name: "Services" }).getByRole("listitem");
      await expect(cards).toHaveCount(FIRST);
      await page.getByRole("link", { name: `Show all ${total} services` }).click();
      await expect(page).toHaveURL(/\/\?all=1$/);
      await expect(cards).toHaveCount(total);
    });
  });
});
