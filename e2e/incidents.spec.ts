import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ServicePage } from "./pages";

// The e2e server runs the `germany` scenario: WhatsApp has an ongoing incident.

test("from a service page into an incident: its facts, chart, places, problems and timeline", async ({ page }) => {
  const service = new ServicePage(page);
  await service.open("whatsapp");
  const recent = page.getByRole("region", { name: "Recent WhatsApp incidents" });
  await recent.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^WhatsApp (outage|problems) on \d{1,2} \w+ \d{4}$/);
  await expect(page).toHaveTitle(/WhatsApp (outage|problems) on/);
  const facts = page.getByTestId("incident-facts");
  await expect(facts).toContainText("Detected");
  await expect(facts).toContainText(/\d+ in all/);
  await expect(page.getByTestId("reports-chart")).toBeVisible();
  await page.getByText("Show the chart as a table").click();
  // Reached by a link within the site, the page has no server copy of the table: React draws it
  // once the disclosure opens, a moment after the click.
  await expect.poll(() => page.getByTestId("incident-series").locator("tbody tr").count()).toBeGreaterThan(10);
  await expect(page.getByTestId("incident-regions").getByRole("link").first()).toHaveText("Germany");
  await expect(page.getByTestId("incident-regions").locator("tbody tr").first()).toContainText(/\d+%/);
  // The small map is an image the server drew, and it arrives.
  const map = page.getByTestId("incident-map");
  await map.scrollIntoViewIfNeeded();
  await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByTestId("incident-timeline").locator("li").first()).toContainText("Detected");
  // What people wrote while it went on: each comment with its problem, country and time.
  const said = page.getByRole("region", { name: /^What people (say|said)$/ }).getByRole("listitem");
  await expect(said.first()).toContainText(/\S · \p{Lu}[^·]+ · /u);
  await expect(said.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-/);
  expect(await said.count()).toBeLessThanOrEqual(10);
  // Link previews read the page as the server sends it. (In the browser, after this client-side
  // navigation, Next.js 16 may leave the service page's tags next to the incident's: vercel/next.js#97472.)
  const html = await (await page.request.get(page.url())).text();
  const og = [...html.matchAll(/<meta property="og:title" content="([^"]*)"/g)].map((m) => m[1]);
  expect(og).toEqual([expect.stringMatching(/^WhatsApp (outage|problems) on /)]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
    [],
  );
  // On to the comparison with similar services.
  await page.getByRole("link", { name: "Compare WhatsApp with similar services" }).click();
  await expect(page).toHaveURL(/\/compare\?category=messaging/);
  await expect(page.getByRole("heading", { name: "Compare services", level: 1 })).toBeVisible();
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("rowheader", { name: "WhatsApp" })).toBeVisible();
  expect(await table.locator("tbody tr").count()).toBeGreaterThan(1);
});

test("the incident history filters by service and level", async ({ page }) => {
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: "Incident history", level: 1 })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter incidents" });
  await filters.getByLabel("Service").selectOption("whatsapp");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/service=whatsapp/);
  const rows = page.getByTestId("incident-list").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("WhatsApp");
  // Every column fits without a sideways scroll (on a phone each incident is a card), and the cells
  // stay a table's cells to a screen reader.
  const list = page.getByRole("region", { name: "Incidents, newest first" });
  expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(rows.first().getByRole("rowheader")).toHaveText(/^#\d+$/);
  await expect(rows.first().getByRole("cell")).toHaveCount(5);
  await page.goto("/incidents?service=whatsapp&to=2001-01-01");
  await expect(page.getByTestId("incident-count")).toHaveText("0 incidents");
});

test("an unknown incident is a 404 page", async ({ page }) => {
  const response = await page.goto("/incidents/999999");
  expect(response?.status()).toBe(404);
});

test("a service's history gives its record, when it usually breaks, and a feed of its incidents", async ({ page }) => {
  await page.goto("/status/whatsapp/incidents");
  const stats = page.getByTestId("service-stats");
  await expect(stats.getByText("Median time to detect")).toBeVisible();
  expect(Number((await stats.locator("dd").first().innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(1);
  const heatmap = page.getByRole("table", { name: /When WhatsApp usually breaks/ });
  await expect(heatmap.locator("tbody tr")).toHaveCount(7);
  await expect(heatmap.getByRole("rowheader").first()).toHaveText("Mon");
  // The ongoing German outage has minutes in the current UTC hour of the week.
  const cells = await heatmap.locator("tbody td").allInnerTexts();
  expect(cells.map(Number).filter((n) => n > 0).length).toBeGreaterThan(0);
  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  expect(feedHref).toMatch(/\/status\/whatsapp\/incidents\/feed\.atom$/);
  const feed = await page.request.get("/status/whatsapp/incidents/feed.atom");
  expect(feed.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
  expect(await feed.text()).toMatch(/WhatsApp (outage|possible problems)/);
});
