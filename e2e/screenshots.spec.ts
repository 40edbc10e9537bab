import { expect, test } from "@playwright/test";
import { newestIncidentPath, SITE_PAGES } from "./site-pages";

// Full-page screenshots of every page, light and dark, at this project's viewport (desktop or phone),
// written to test-results/screenshots/ for review: artifacts of the run, never committed.
for (const scheme of ["light", "dark"] as const) {
  test.describe(`screenshots, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    test(`every page renders and is captured (${scheme})`, async ({ page, request }, testInfo) => {
      const pages = [...SITE_PAGES, ["incident", await newestIncidentPath(request)] as const];
      for (const [i, [name, path]] of pages.entries()) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(name.endsWith("not-found") ? 404 : 200);
        await page.waitForLoadState("networkidle");
        await expect(page.locator("h1").first()).toBeVisible();
        // A page wider than the screen scrolls sideways on a phone: a layout bug.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
        const file = `test-results/screenshots/${testInfo.project.name}-${scheme}/${name}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(`[screenshots ${i + 1}/${pages.length}] ${file}`);
      }
    });
  });
}
