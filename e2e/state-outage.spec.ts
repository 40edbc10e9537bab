import { expect, test } from "@playwright/test";
import { MapPage, ServicePage } from "./pages";

// The e2e server also runs the `california` scenario: Spectrum fails in California only, while the
// US total (all of Spectrum's traffic) rises by less than the service-wide detector asks for by day.

test("an outage in one US state is an incident there, and the state map shows it", async ({ page }) => {
  const service = new ServicePage(page);
  await service.open("spectrum");
  await page.getByRole("region", { name: "Recent Spectrum incidents" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  await expect(page.getByTestId("incident-where")).toContainText("California, US");

  const map = new MapPage(page);
  await map.open("/status/spectrum/map/US");
  await expect(page.getByRole("heading", { name: "Spectrum outage map: United States", level: 1 })).toBeVisible();
  await expect(map.region("US-CA")).toHaveAttribute("data-band", /high|severe/);
  await expect(map.region("US-CA")).toHaveAttribute("aria-label", /^California: .*(Far above usual|Outage-level)\.$/);
  await expect(map.table().locator("tbody tr").first()).toContainText("California");
});
