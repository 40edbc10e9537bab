import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the global map is drawn on the server, switches windows and has a table", async ({ page }) => {
  await page.goto("/map");
  await expect(page.getByRole("heading", { name: "Outage map" })).toBeVisible();
  const regions = page.locator("[data-region]");
  expect(await regions.count()).toBeGreaterThan(150);
  await expect(page.getByRole("link", { name: "Last hour" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Last 24 hours" }).click();
  await expect(page).toHaveURL(/window=24h/);
  await expect(page.getByRole("link", { name: "Last 24 hours" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("region-table").locator("tbody tr").first()).toBeVisible();
});

test("a country can be reached by keyboard and says its numbers in words", async ({ page }) => {
  await page.goto("/status/tiktok/map?window=24h");
  const us = page.locator('[data-region="US"]');
  await us.focus();
  await expect(us).toBeFocused();
  await expect(us).toHaveAttribute(
    "aria-label",
    /^United States of America: \d+ (person|people) reporting, .* times the usual/,
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#region-US$/);
  await expect(page.locator("#region-US")).toContainText("United States");
});

test("map pages have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/map", "/status/tiktok/map"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
  }
});
