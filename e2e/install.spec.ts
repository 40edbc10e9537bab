import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

test("the site can be installed as an app: Chromium finds nothing missing", async ({ baseURL }) => {
  // Chromium offers no install in a throwaway (incognito) profile, which is what every test gets:
  // this one uses a profile of its own.
  const profile = mkdtempSync(join(tmpdir(), "outage-radar-install-"));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, baseURL });
  try {
    const page = await context.newPage();
    await page.goto("/");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBeTruthy();
    const manifest = (await (await page.request.get(href!)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
    };
    expect(manifest).toMatchObject({ name: "Outage Radar", start_url: "/", display: "standalone" });
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toBe(icon.type);
    }
    // A phone's launcher crops icons to its own shape: one must be made for that.
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);

    // Chromium's own verdict, the one its install prompt goes by.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
