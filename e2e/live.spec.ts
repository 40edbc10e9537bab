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

  test.describe("with the snapshot answered by a test", () => {
    // page.route sees no request a service worker answers.
    test.use({ serviceWorkers: "block" });

    test("a live update redraws the chart's sketch from the new numbers", async ({ page }) => {
      await page.addInitScript(() => {
        delete (window as { EventSource?: unknown }).EventSource;
      });
      // The next poll brings the same snapshot with a spike in its last bucket, far above the rest.
      let spike = 0;
      await page.route(`**/api/v1/services/${SLUG}/snapshot*`, async (route) => {
        const response = await route.fetch();
        const snapshot = (await response.json()) as {
          series: { reporters: number; expected: number | null; threshold: number | null }[];
        };
        const highest = Math.max(...snapshot.series.flatMap((p) => [p.reporters, p.expected ?? 0, p.threshold ?? 0]));
        spike = highest * 10 + 1000;
        snapshot.series.at(-1)!.reporters = spike;
        await route.fulfill({ response, json: snapshot });
      });
      await page.goto(`/status/${SLUG}`);
      const sketch = page.getByTestId("reports-chart").getByTestId("chart-sketch");
      const reports = sketch.locator('path[data-line="reports"]');
      const drawn = await reports.getAttribute("d");
      expect(drawn).toMatch(/^M/);
      // Drawn by the browser this time: the line ends at the spike, in the upper half of the box
      // (the axis tops out at a round number below twice the highest value), and the axis says so.
      await expect(reports).not.toHaveAttribute("d", drawn!, { timeout: 30_000 });
      const [, lastY] = /(\d+)$/.exec((await reports.getAttribute("d"))!)!;
      expect(Number(lastY)).toBeLessThanOrEqual(500);
      await expect(sketch.locator('path[data-line="area"]')).toHaveAttribute("d", /L1000,1000L0,1000Z$/);
      const axis = (await sketch.locator("span").allTextContents()).map(Number).filter(Number.isFinite);
      expect(Math.max(...axis)).toBeGreaterThanOrEqual(spike);
    });
  });
});
