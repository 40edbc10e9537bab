import { expect, test } from "@playwright/test";

const keptPages = () =>
  caches
    .open("statuses")
    .then((cache) => cache.keys())
    .then((requests) => requests.map((r) => new URL(r.url).pathname));

test("a status page seen once stays readable offline, saying how old it is", async ({ page, context }) => {
  await page.goto("/status/whatsapp");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(keptPages)).toContain("/status/whatsapp");
  await expect(page.getByTestId("offline-age")).toHaveCount(0);

  await context.setOffline(true);
  // A page never looked at is not there: the network really is gone.
  const probe = await context.newPage();
  await expect(probe.goto("/status/tiktok")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await probe.close();

  await page.goto("/status/whatsapp");
  await expect(page.getByTestId("status-banner")).toContainText("WhatsApp");
  await expect(page.getByTestId("offline-age")).toHaveText(
    /^You are offline: this is the status saved (just now|\d+ min ago)\. It updates when you are back online\.$/,
  );

  await context.setOffline(false);
  await expect(page.getByTestId("offline-age")).toHaveCount(0);
});

test("a status page reached by a link within the site is kept too", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page
    .getByRole("link", { name: /^Discord/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/status\/discord$/);
  await expect.poll(() => page.evaluate(keptPages)).toContain("/status/discord");

  await context.setOffline(true);
  await page.goto("/status/discord");
  await expect(page.getByTestId("status-banner")).toContainText("Discord");
  await expect(page.getByTestId("offline-age")).toBeVisible();
  await context.setOffline(false);
});
