import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newestIncidentPath, SITE_PAGES } from "./site-pages";

async function seriousViolations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const [, path] of SITE_PAGES) {
      test(`${path} has no serious or critical violations`, async ({ page }) => {
        expect(await seriousViolations(page, path)).toEqual([]);
      });
    }
    test("an incident page has no serious or critical violations", async ({ page, request }) => {
      expect(await seriousViolations(page, await newestIncidentPath(request))).toEqual([]);
    });
  });
}

test("the service page works by keyboard: skip link, then the report form", async ({ page }) => {
  await page.goto("/status/tiktok");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: /I have a problem with TikTok/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#report$/);
  await page.getByRole("radio", { name: "Login" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Login" })).toBeChecked();
});
