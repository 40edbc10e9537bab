import { expect, test } from "@playwright/test";

/**
 * The first Intl.NumberFormat or Intl.DateTimeFormat a page builds starts ICU in the browser: 35–65 ms
 * of one task on this machine's Chromium, four times that on a phone. Pages whose numbers the server
 * can write build none while they load and hydrate; the browser's Intl starts when the visitor
 * changes something. Clock times are the exception still: LocalTime turns the server's UTC into
 * the visitor's zone with a DateTimeFormat (on service and incident pages, and in the home page's
 * notices of ongoing common causes), so only the map pages are held to no Intl at all.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const built: string[] = [];
    (window as unknown as { intlBuilt: string[] }).intlBuilt = built;
    for (const name of ["NumberFormat", "DateTimeFormat"] as const) {
      const Original = Intl[name];
      const Construct = Original as unknown as new (...args: unknown[]) => object;
      const Counted = function (...args: unknown[]) {
        built.push(name);
        return new Construct(...args);
      };
      Counted.prototype = Original.prototype;
      Object.assign(Counted, { supportedLocalesOf: Original.supportedLocalesOf.bind(Original) });
      (Intl as unknown as Record<string, unknown>)[name] = Counted;
    }
    for (const method of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"] as const) {
      const original = Date.prototype[method];
      Date.prototype[method] = function (this: Date, ...args: Parameters<typeof original>) {
        built.push(`Date.${method}`);
        return original.apply(this, args);
      };
    }
    const numberToLocale = Number.prototype.toLocaleString;
    Number.prototype.toLocaleString = function (this: number, ...args: Parameters<typeof numberToLocale>) {
      built.push("Number.toLocaleString");
      return numberToLocale.apply(this, args);
    };
  });
});

const built = (page: import("@playwright/test").Page) =>
  page.evaluate(() => (window as unknown as { intlBuilt: string[] }).intlBuilt);

const PAGES: Array<{ path: string; clockTimes: boolean }> = [
  { path: "/", clockTimes: true },
  { path: "/de", clockTimes: true },
  { path: "/map", clockTimes: false },
  { path: "/hi/map", clockTimes: false },
];

for (const { path, clockTimes } of PAGES) {
  test(`${path} loads and hydrates without starting the browser's Intl for numbers`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Hydrated: React has claimed the server's elements (and the effects after hydration have run).
    await page.waitForFunction(() =>
      Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react")),
    );
    await page.waitForTimeout(1_000);
    const started = await built(page);
    expect(clockTimes ? started.filter((name) => name !== "DateTimeFormat") : started).toEqual([]);
  });
}

test("the directory writes its numbers in the browser once the visitor filters", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const status = page.getByRole("status").filter({ hasText: /services? shown/ });
  await expect(status).toHaveText(/^48 of \d+ services shown$/);
  await page.getByRole("searchbox", { name: "Filter services" }).fill("o");
  await expect(status).toHaveText(/^(\d+ of \d+|\d+) services shown$/);
  await page.getByRole("searchbox", { name: "Filter services" }).fill("tik");
  await expect(status).toHaveText("1 service shown");
  expect(await built(page)).toContain("NumberFormat");
});
