import { expect, test } from "@playwright/test";

// WhatsApp has demo reports every minute (the `germany` scenario), so each detector tick changes it.
const SLUG = "whatsapp";

test.describe("live pages", () => {
  test("a service page follows the detector's changes over an event stream", async ({ page }) => {
    test.setTimeout(150_000);
    const stream = page.waitForResponse((r) => r.url().includes(`/api/v1/services/${SLUG}/events`));
    // The next tick that changes the service is announced, and the page fetches what changed.
    const pushed = page.waitForRequest(
      (r) => new RegExp(`/api/v1/services/${SLUG}/snapshot\\?tick=\\d+$`).test(r.url()),
      {
        timeout: 140_000,
      },
    );
    await page.goto(`/status/${SLUG}`);
    const response = await stream;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/event-stream/);
    const request = await pushed;
    expect((await request.response())?.status()).toBe(200);
  });

  test("a map page re-renders when the detector announces a change", async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`/status/${SLUG}/map`);
    // At most every 30 s, after the next tick that changes the service: the page's RSC payload again.
    const refreshed = await page.waitForRequest(
      (r) => r.url().includes(`/status/${SLUG}/map`) && r.headers()["rsc"] === "1",
      { timeout: 140_000 },
    );
    expect((await refreshed.response())?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("outage map");
  });

  test("without EventSource the page polls as before", async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as { EventSource?: unknown }).EventSource;
    });
    const polled = page.waitForRequest((r) => r.url().endsWith(`/api/v1/services/${SLUG}/snapshot`), {
      timeout: 30_000,
    });
    await page.goto(`/status/${SLUG}`);
    await polled;
  });
});
