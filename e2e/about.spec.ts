import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const measured = JSON.parse(readFileSync("bench/results/detection.json", "utf8")) as {
  recall_3x_15min: number;
  precision: number;
  flood_alarms: number;
  baselines: { fixed_threshold: { precision: number } };
  targets: { recall_3x_15min: string };
  recall_3x_15min_by_kind: Record<string, { recall: number; outages: number }>;
};
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

test("the footer leads to how it works, which publishes the measured detection quality", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "How Outage Radar works" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How Outage Radar works");

  // The figures are the committed benchmark run's, ours beside a simple rule's.
  const table = page.getByRole("table", { name: /Detection measured on/ });
  const row = (name: RegExp) => table.getByRole("row", { name });
  await expect(
    row(/^Clear outages caught/)
      .getByRole("cell")
      .first(),
  ).toHaveText(percent(measured.recall_3x_15min));
  await expect(row(/^Alarms that were real/).getByRole("cell")).toHaveText([
    percent(measured.precision),
    percent(measured.baselines.fixed_threshold.precision),
    /^\d+\.\d%$/,
    /^\d+\.\d%$/,
  ]);
  // The sentence under the table compares the figure with the benchmark's own target.
  const target = Number(measured.targets.recall_3x_15min.slice(2));
  await expect(page.getByText(/clear outages, (meeting|below) our own target of \d+%/)).toContainText(
    `${measured.recall_3x_15min >= target ? "meeting" : "below"} our own target of ${Math.round(target * 100)}%`,
  );
  // ...and says where the outages it misses were.
  const isp = measured.recall_3x_15min_by_kind.isp!;
  await expect(page.getByText(/By where the outage was, it caught/)).toContainText(
    `${Math.round(isp.recall * 100)}% of the ${isp.outages} behind one internet provider`,
  );
  await expect(
    row(/^Alarms from report floods/)
      .getByRole("cell")
      .first(),
  ).toHaveText(String(measured.flood_alarms));

  // And on real counts: the committed bench:real run's figures.
  const real = JSON.parse(readFileSync("bench/results/real.json", "utf8")) as {
    nab_score: number;
    windows: number;
    windows_detected: number;
  };
  const realTable = page.getByRole("table", { name: /Detection on real counts/ });
  await expect(realTable.getByRole("row", { name: /^Benchmark score/ }).getByRole("cell")).toHaveText(
    real.nab_score.toFixed(1),
  );
  await expect(realTable.getByRole("row", { name: /^Marked anomalies found/ }).getByRole("cell")).toHaveText(
    `${real.windows_detected} of ${real.windows}`,
  );

  // The counting rules come from the server's settings (the e2e server keeps the defaults).
  await expect(page.getByRole("region", { name: "Counting reports" })).toContainText(
    "Each person counts once per service per hour.",
  );
  await expect(page.getByRole("region", { name: "What we keep about you" })).toContainText(
    "fewer than 5 people reporting",
  );
});

test("a service's chart links to how the alarm level is decided", async ({ page }) => {
  await page.goto("/status/tiktok");
  await page.getByRole("link", { name: "How we decide" }).click();
  await expect(page).toHaveURL(/\/about#deciding-heading$/);
  await expect(page.getByRole("heading", { name: "Deciding that something is wrong" })).toBeInViewport();
});
