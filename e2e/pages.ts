import { expect, type Page } from "@playwright/test";

/** Page object for /status/[service]: the answer page and its report form. */
export class ServicePage {
  constructor(readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/status/${slug}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  banner() {
    return this.page.getByTestId("status-banner");
  }

  async reportersLastHour(): Promise<number> {
    return Number((await this.page.getByTestId("reports-last-hour").innerText()).replace(/[^0-9]/g, ""));
  }

  /** The newest row of the chart's table equivalent: its start time and the people reporting in it. */
  /** The chart's table's newest row, read as a visitor would: with the table opened. */
  async latestBucket(): Promise<{ t: string; n: number }> {
    const toggle = this.page.locator("details").filter({ hasText: "Show the chart as a table" });
    if (!(await toggle.evaluate((d: HTMLDetailsElement) => d.open))) await toggle.locator("summary").click();
    const row = this.page.getByTestId("reports-table").locator("tbody tr").first();
    const t = (await row.locator("time").getAttribute("datetime")) ?? "";
    return { t, n: Number(await row.locator("td").nth(1).textContent()) };
  }

  /**
   * True once the newest bucket shows one more person than `before` did. The last-hour total is a
   * sliding window that also loses old reports, so the current bucket is the honest signal; if a
   * bucket boundary passed meanwhile, the new bucket must hold at least this report.
   */
  async bucketGrewSince(before: { t: string; n: number }): Promise<boolean> {
    const now = await this.latestBucket();
    return now.t === before.t ? now.n > before.n : now.n >= 1;
  }

  async report(symptomLabel: string, opts: { country?: string; subdivision?: string; text?: string } = {}) {
    const form = this.page.getByTestId("report-form");
    await form.getByRole("radio", { name: symptomLabel }).check();
    if (opts.country) await form.getByLabel("Country").selectOption(opts.country);
    if (opts.subdivision) await form.getByLabel(/Region/).selectOption(opts.subdivision);
    if (opts.text) await form.getByLabel(/What happened/).fill(opts.text);
    await form.getByRole("button", { name: "Report a problem" }).click();
  }

  result() {
    return this.page.getByTestId("report-result");
  }

  /** "What people say": the newest comments. */
  texts() {
    return this.page.getByRole("region", { name: "What people say" });
  }
}

let counter = 0;
/**
 * A private address unique to this run, so each test reports as a new person; the location database
 * places it nowhere, so the form's guess comes from the browser's language.
 */
export function freshClientIp(): string {
  counter++;
  return `10.51.${((Date.now() / 1000) % 200) | 0}.${(counter % 250) + 1}`;
}

/** Page object for the map pages: the SVG regions, the tooltip, the summary and the table. */
export class MapPage {
  constructor(readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  regions() {
    return this.page.locator("a[data-region]");
  }

  region(code: string) {
    return this.page.locator(`a[data-region="${code}"]`);
  }

  tooltip() {
    return this.page.getByTestId("map-tooltip");
  }

  summary() {
    return this.page.getByTestId("map-summary");
  }

  table() {
    return this.page.getByTestId("region-table");
  }

  tableRow(name: string) {
    return this.table()
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  async columnNumbers(index: number): Promise<number[]> {
    const cells = await this.table().locator(`tbody tr td:nth-of-type(${index})`).allInnerTexts();
    return cells.map(Number);
  }
}
