import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { E2E_ADMIN_TOKEN } from "./e2e/console-token";
import { E2E_SMTP_PORT } from "./e2e/smtp-port";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromiumLaunchOptions } },
  ],
  webServer: {
    // A fresh embedded database with a week of demo history, WhatsApp failing in Germany, Spectrum in
    // California, twelve AWS services at once and Comcast's users (the `germany`, `california`, `aws`
    // and `comcast` scenarios), and the demo's vendors' status pages; the test client's address comes
    // from X-Forwarded-For so every test is a distinct reporter.
    command: "rm -rf .data/e2e && npm start",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: ".data/e2e",
      DEMO: "on",
      // A week: the history the maps compare each window with (fewer days are rightly read as
      // uncertain, and then a real regional outage reads only "above usual" in small regions).
      DEMO_HISTORY_DAYS: "7",
      DEMO_SCENARIO: "germany,california,aws,comcast",
      TRUSTED_PROXIES: "loopback",
      // The moderator console's tests sign in with it and issue named tokens.
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      DATABASE_URL: "",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // The alerts journey's chat webhook is a receiver on loopback, which only development may call.
      WEBHOOK_ALLOW_INSECURE: "on",
    },
  },
});
