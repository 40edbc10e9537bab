import { expect, test } from "@playwright/test";
import { STATUS_LABELS, type StatusLevel } from "../lib/catalog/constants";
import { newestIncidentPath } from "./site-pages";

test("robots.txt allows the pages, keeps crawlers off the API and names the sitemap", async ({ request, baseURL }) => {
  const text = await (await request.get("/robots.txt")).text();
  expect(text).toMatch(/^User-Agent: \*$/m);
  expect(text).toMatch(/^Disallow: \/api\/$/m);
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("the sitemap lists the main pages, every service, country homes and recent incidents, with absolute addresses", async ({
  request,
  baseURL,
}) => {
  const response = await request.get("/sitemap.xml");
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  for (const path of [
    "/",
    "/map",
    "/incidents",
    "/about",
    "/status/whatsapp",
    "/status/tiktok/map",
    "/country/de",
    await newestIncidentPath(request),
  ])
    expect(locs).toContain(`${baseURL}${path}`);
  expect(locs.every((l) => l!.startsWith(`${baseURL}/`))).toBe(true);
  // A translated page names its other languages' addresses.
  expect(xml).toMatch(new RegExp(`hreflang="de"\\s+href="${baseURL}/de/status/whatsapp"`));
  expect(xml).toMatch(new RegExp(`hreflang="pt-BR"\\s+href="${baseURL}/pt-br"`));
});

test("a service page describes its current status and links a preview image that says it", async ({
  page,
  request,
}) => {
  await page.goto("/status/whatsapp");
  const { status } = (await (await request.get("/api/v1/services/whatsapp")).json()) as { status: StatusLevel };
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  // The same status, in words, as the service's API says, in what a search result or a link preview shows.
  expect(description).toContain(`${STATUS_LABELS[status]} at WhatsApp right now`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /WhatsApp down\?/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  // Each language draws its own; the English one's address names it too (/en/…), served as it is.
  expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/status\/whatsapp\/opengraph-image/);
  const png = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(png.headers()["content-type"]).toBe("image/png");
  const body = await png.body();
  // PNG signature, then the IHDR's width and height.
  expect(body.subarray(1, 4).toString()).toBe("PNG");
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("the site has an icon, so browsers do not ask for a missing favicon", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  expect((await page.request.get(href!)).headers()["content-type"]).toContain("image/svg+xml");
});
