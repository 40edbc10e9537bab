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

  /** The newest row of the chart's table equivalent: people reporting in the current bucket. */
  async latestBucket(): Promise<number> {
    const cell = this.page.getByTestId("reports-table").locator("tbody tr").first().locator("td").nth(1);
    return Number(await cell.textContent());
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
}

let counter = 0;
/** A documentation-range address unique to this run, so each test reports as a new person. */
export function freshClientIp(): string {
  counter++;
  return `198.51.${(Date.now() / 1000) % 200 | 0}.${(counter % 250) + 1}`;
}
