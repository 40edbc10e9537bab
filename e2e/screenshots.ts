// Takes full-page screenshots of the main pages at desktop and phone widths, light and dark, for review.
// Usage: npm run screenshots -- [baseURL] (default http://localhost:3000); writes e2e/screenshots/*.png.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

const base = process.argv[2] ?? "http://localhost:3000";
const pages = [
  ["home", "/"],
  ["service-tiktok", "/status/tiktok"],
  ["not-found", "/status/no-such-service"],
  ["map", "/map"],
  ["map-us", "/map/US"],
  ["map-whatsapp", "/status/whatsapp/map"],
  ["map-whatsapp-de", "/status/whatsapp/map/DE"],
  ["service-whatsapp", "/status/whatsapp"],
  ["incidents", "/incidents"],
  ["compare", "/compare"],
  ["incidents-whatsapp", "/status/whatsapp/incidents"],
  ["incident-1", "/incidents/3"],
] as const;
const viewports = [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

async function main() {
  mkdirSync("e2e/screenshots", { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions);
  let done = 0;
  const total = pages.length * viewports.length * 2;
  for (const scheme of ["light", "dark"] as const) {
    for (const [vpName, viewport] of viewports) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        const file = `e2e/screenshots/${name}-${vpName}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(`[${++done}/${total}] ${file}`);
      }
      await context.close();
    }
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
