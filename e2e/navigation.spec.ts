import { expect, test, type Page, type Request } from "@playwright/test";

/** RSC requests Next.js's router sends ahead of a click (the next-router-prefetch header). */
function recordPrefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (r: Request) => {
    if (r.headers()["next-router-prefetch"]) paths.push(new URL(r.url()).pathname);
  });
  return paths;
}

test("links prefetch when a visitor shows intent, not for every link on screen", async ({ page }) => {
  const prefetched = recordPrefetches(page);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  // Plain Next.js links prefetched the header, the categories and every card in view: ~26 requests.
  await page.waitForTimeout(1_000);
  expect(prefetched).toEqual([]);

  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const map = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" });
  await map.focus();
  await expect.poll(() => prefetched).toContain("/map");
  await map.click();
  await expect(page).toHaveURL(/\/map$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Still a client-side navigation: the page was not loaded again.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
