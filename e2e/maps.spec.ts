import { expect, test } from "@playwright/test";
import { freshClientIp, MapPage } from "./pages";

// The e2e server runs the `germany` demo scenario: WhatsApp fails in Germany only.

test("the global map is drawn on the server, switches windows and has a table", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/map");
  await expect(page.getByRole("heading", { name: "Outage map", level: 1 })).toBeVisible();
  expect(await map.regions().count()).toBeGreaterThan(150);
  await expect(page.getByRole("link", { name: "Last hour" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Last 24 hours" }).click();
  await expect(page).toHaveURL(/window=24h/);
  await expect(page.getByRole("link", { name: "Last 24 hours" })).toHaveAttribute("aria-current", "page");
  await expect(map.tableRow("United States")).toBeVisible();
});

test("a regional outage shows where it is, and only there", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/status/whatsapp/map");
  await expect(map.summary()).toContainText("Unusual reports for WhatsApp by country, last hour: Germany.");
  await expect(map.region("DE")).toHaveAttribute("data-band", "severe");
  // No other country is unusual (what the summary names: far above usual or outage-level). A quiet
  // country may fall under the privacy floor at night, and noise may lift a small one to "above
  // usual"; the integration test pins the clock and checks that the busy US is "normal" with a number.
  const others = await map
    .regions()
    .evaluateAll((links) =>
      links.filter((a) => a.getAttribute("data-region") !== "DE").map((a) => a.getAttribute("data-band")),
    );
  expect(others.length).toBeGreaterThan(150);
  expect(others.filter((band) => band === "high" || band === "severe")).toEqual([]);
  // The table says the same, most unusual first.
  await expect(map.table().locator("tbody tr").first()).toContainText("Germany");
  await expect(map.tableRow("Germany")).toContainText("Outage-level");
  const rowBands = await map
    .table()
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-band")));
  expect(rowBands.slice(1).filter((band) => band === "high" || band === "severe")).toEqual([]);
  // And the service page's own small map names it in words.
  await page.goto("/status/whatsapp");
  await expect(page.getByTestId("map-preview")).toContainText("Unusual reports in the last hour from Germany");
  await page.getByRole("link", { name: "Open the WhatsApp outage map" }).click();
  await expect(page).toHaveURL(/\/status\/whatsapp\/map$/);
});

test("a country can be reached by keyboard, says its numbers and drills into US states", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/status/tiktok/map?window=24h");
  const us = map.region("US");
  await us.focus();
  await expect(us).toBeFocused();
  await expect(us).toHaveAttribute(
    "aria-label",
    /^United States: \d+ (person|people) reporting, [\d.]+ times the usual (<0.1|[\d.]+)\. (Normal|Above usual|Far above usual|Outage-level)\.$/,
  );
  await expect(map.tooltip()).toHaveText((await us.getAttribute("aria-label"))!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/status\/tiktok\/map\/US\?window=24h$/);
  await expect(page.getByRole("heading", { name: "TikTok outage map: United States", level: 1 })).toBeVisible();
  expect(await map.regions().count()).toBeGreaterThanOrEqual(51);
  await expect(map.region("US-CA")).toHaveAttribute("aria-label", /^California: /);
  await page.getByRole("link", { name: "Last 6 hours" }).click();
  await expect(page).toHaveURL(/\/status\/tiktok\/map\/US\?window=6h$/);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Map" })).toHaveAttribute(
    "href",
    "/status/tiktok/map?window=6h",
  );
});

test("countries without a drawn map drill into a ranked table of their regions", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/status/whatsapp/map");
  await map.tableRow("Germany").getByRole("link", { name: "Germany" }).click();
  await expect(page.getByRole("heading", { name: "WhatsApp outage map: Germany", level: 1 })).toBeVisible();
  await expect(map.regions()).toHaveCount(0);
  const rows = map.table().locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(rows.first()).toHaveAttribute("data-band", /high|severe/);
});

test("the region table sorts by any column and says how", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/map?window=24h");
  const header = map.table().getByRole("columnheader", { name: /People reporting/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const counts = await map.columnNumbers(2);
  expect(counts.length).toBeGreaterThan(3);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  expect(await map.columnNumbers(2)).toEqual([...counts].sort((a, b) => a - b));
});

test("pointing at a country shows its numbers", async ({ page }) => {
  const map = new MapPage(page);
  await map.open("/status/whatsapp/map");
  await map.region("DE").hover();
  await expect(map.tooltip()).toContainText(/^Germany: \d+ people reporting/);
});

/** A browser without EventSource: pages fall back to polling, which a test can speed up with the clock. */
const withoutEventSource = () => {
  delete (window as { EventSource?: unknown }).EventSource;
};

// Pushed refreshes (on the detector's events) are tested in live.spec.ts; these check the polling
// every page falls back to, and that the page cache serves a crowd of refreshing tabs either way.
test("without an event stream, a map page polls live data while it is open", async ({ page }) => {
  await page.addInitScript(withoutEventSource);
  await page.clock.install();
  const map = new MapPage(page);
  await map.open("/status/whatsapp/map");
  const refreshed = page.waitForRequest((r) => r.url().includes("/status/whatsapp/map") && r.headers()["rsc"] === "1");
  await page.clock.fastForward(31_000);
  await refreshed;
  await expect(map.region("DE")).toHaveAttribute("data-band", "severe");
});

test("a live refresh that redraws the map keeps the keyboard on the region it was on", async ({ page, request }) => {
  await page.addInitScript(withoutEventSource);
  await page.clock.install();
  const map = new MapPage(page);
  await map.open("/status/whatsapp/map");
  const germany = map.region("DE");
  await germany.focus();
  const before = await germany.getAttribute("aria-label");
  // One more person in Germany changes Germany's numbers, so the refreshed map is new markup.
  const answer = await request.post("/api/v1/reports", {
    headers: { "x-forwarded-for": freshClientIp() },
    data: { service: "whatsapp", symptom: "messages", country: "DE" },
  });
  expect(answer.status()).toBe(201);
  await expect(async () => {
    const refreshed = page.waitForResponse(
      (r) => r.url().includes("/status/whatsapp/map") && r.request().headers()["rsc"] === "1",
    );
    await page.clock.fastForward(31_000);
    await refreshed;
    expect(await germany.getAttribute("aria-label")).not.toBe(before);
  }).toPass({ timeout: 30_000 });
  await expect(germany).toBeFocused();
  // Its tooltip says the new numbers.
  await expect(map.tooltip()).toHaveText((await germany.getAttribute("aria-label"))!);
});

test("tabs left open on a page refresh from one render, not one each", async ({ context }) => {
  await context.addInitScript(withoutEventSource);
  const open = async () => {
    const page = await context.newPage();
    await page.clock.install();
    const map = new MapPage(page);
    await map.open("/status/whatsapp/map");
    return { page, map };
  };
  const refresh = async ({ page, map }: Awaited<ReturnType<typeof open>>) => {
    const refreshed = page.waitForResponse(
      (r) => r.url().includes("/status/whatsapp/map") && r.request().headers()["rsc"] === "1",
    );
    await page.clock.fastForward(31_000);
    const response = await refreshed;
    // The refreshed page still works: the copy's payload carries its own response's nonce.
    await expect(map.region("DE")).toHaveAttribute("data-band", "severe");
    const headers = response.headers();
    return { outcome: headers["x-page-cache"], nonce: headers["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1] };
  };
  // Two tabs with the same router state refresh together (on a slow machine, one after the other
  // could fall outside the cache's few seconds): at most one of them is rendered. Tabs share the
  // browser's HTTP cache, which may hand the second tab the first one's answer (stale-while-
  // revalidate): that is the same render, recognised by its nonce, which every server answer draws anew.
  const tabs = [await open(), await open()];
  const answers = await Promise.all(tabs.map(refresh));
  for (const { outcome, nonce } of answers) {
    expect(["hit", "stale", "miss"]).toContain(outcome);
    expect(nonce).toBeTruthy();
  }
  const renders = new Set(answers.filter((a) => a.outcome === "miss").map((a) => a.nonce));
  expect(renders.size).toBeLessThanOrEqual(1);
});
