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
  expect(await page.getByTestId("incident-series").locator("tbody tr").count()).toBeGreaterThan(10);
  await expect(page.getByTestId("incident-regions").getByRole("link").first()).toHaveText("Germany");
  await expect(page.getByTestId("incident-timeline").locator("li").first()).toContainText("Detected");
  const og = await page.locator('meta[property="og:title"]').getAttribute("content");
  expect(og).toMatch(/^WhatsApp/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
    [],
  );
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
  await page.goto("/incidents?service=whatsapp&to=2001-01-01");
  await expect(page.getByTestId("incident-count")).toHaveText("0 incidents");
});

test("an unknown incident is a 404 page", async ({ page }) => {
  const response = await page.goto("/incidents/999999");
  expect(response?.status()).toBe(404);
});
