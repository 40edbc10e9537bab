import { expect, test } from "@playwright/test";

/**
 * The first Intl.NumberFormat or Intl.DateTimeFormat a page builds starts ICU in the browser: 35–65 ms
 * of one task on this machine's Chromium, four times that on a phone. No page builds one while it
 * loads and hydrates: the server writes what it can, and the browser writes clock times and counts
 * from forms the server learnt (lib/text/written-forms.ts). Its Intl starts when the visitor
 * changes something.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const built: string[] = [];
    (window as unknown as { intlBuilt: string[] }).intlBuilt = built;
    for (const name of ["NumberFormat", "DateTimeFormat", "RelativeTimeFormat"] as const) {
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

/** Loads a page and waits until React has claimed it and the effects after hydration have run. */
async function hydrated(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() =>
    Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react")),
  );
  await page.waitForTimeout(1_000);
}

const PAGES = ["/", "/de", "/map", "/hi/map", "/status/whatsapp", "/hi/status/whatsapp", "/fr/status/whatsapp"];

for (const path of PAGES) {
  test(`${path} loads and hydrates without starting the browser's Intl`, async ({ page }) => {
    await hydrated(page, path);
    expect(await built(page)).toEqual([]);
  });
}

test("an incident page loads and hydrates without starting the browser's Intl", async ({ page }) => {
  await page.goto("/status/whatsapp");
  const href = await page
    .getByRole("region", { name: "Recent WhatsApp incidents" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  expect(href).toMatch(/\/incidents\/\d+$/);
  await hydrated(page, href!);
  expect(await built(page)).toEqual([]);
});

/** The status banner's "updated at" time, as the page shows it and as Intl would write it locally. */
async function updatedAt(page: import("@playwright/test").Page, locale: string, timeZone: string) {
  const time = page.getByTestId("status-banner").locator("time").last();
  const iso = (await time.getAttribute("datetime"))!;
  const expected = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
  return { time, expected };
}

test.describe("in New York, with the browser in American English", () => {
  test.use({ locale: "en-US", timezoneId: "America/New_York" });

  test("clock times turn local, on a twelve-hour clock", async ({ page }) => {
    await hydrated(page, "/status/whatsapp");
    const { time, expected } = await updatedAt(page, "en-US", "America/New_York");
    expect(expected).toMatch(/[AP]M$/);
    await expect(time).toHaveText(expected);
    expect(await built(page)).toEqual([]);
  });
});

test.describe("in Berlin, with the browser in German", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("an English page writes local times the way English is written in Germany", async ({ page }) => {
    await hydrated(page, "/status/whatsapp");
    const { time, expected } = await updatedAt(page, "en-DE", "Europe/Berlin");
    expect(expected).toMatch(/^\d\d:\d\d$/);
    await expect(time).toHaveText(expected);
  });

  test("a German page writes them in German", async ({ page }) => {
    await hydrated(page, "/de/status/whatsapp");
    const { time, expected } = await updatedAt(page, "de", "Europe/Berlin");
    await expect(time).toHaveText(expected);
    expect(await built(page)).toEqual([]);
  });
});

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
