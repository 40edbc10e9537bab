import { expect, test } from "@playwright/test";

// The e2e server runs the `germany` demo scenario: WhatsApp fails in Germany only.

test("the home page links each country's home, which ranks what is broken there", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("country-links").getByRole("link", { name: "Germany", exact: true }).click();
  await expect(page).toHaveURL(/\/country\/de$/);
  await expect(page.getByRole("heading", { name: "Problems in Germany right now", level: 1 })).toBeVisible();
  await expect(page.getByTestId("country-summary")).toContainText("Unusual reports from Germany in the last hour for");
  await expect(page.getByTestId("country-summary")).toContainText("WhatsApp");
  // Most unusual first, in words as well as numbers.
  const first = page.getByTestId("country-services").locator("tbody tr").first();
  await expect(first.getByRole("rowheader")).toHaveText("WhatsApp");
  await expect(first).toContainText(/Outage-level|Far above usual/);
  await expect(page.getByTestId("incident-list")).toContainText("WhatsApp");
});

test("the map's country page links that country's home", async ({ page }) => {
  await page.goto("/map/US");
  await page.getByRole("link", { name: "What is broken in United States right now" }).click();
  await expect(page).toHaveURL(/\/country\/us$/);
  await expect(page.getByRole("heading", { name: "Problems in United States right now", level: 1 })).toBeVisible();
  await expect(page.getByTestId("country-services").locator("tbody tr").first()).toBeVisible();
});

test("an unknown country is a clear 404", async ({ page }) => {
  const response = await page.goto("/country/zz");
  expect(response?.status()).toBe(404);
});
